import { expect, test, type Page } from '@playwright/test';
import { acceptInvitation, expectAccessible, nav, signIn, signOut } from './helpers';

async function openPerson(page: Page, name: string) {
  await nav(page, 'People we support');
  await page.getByLabel('Search by name').fill(name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a recovery record from first meeting to a celebrated achievement', async ({ page }) => {
  // A practitioner adds a person and a supporter, and sets up their sign-ins.
  await signIn(page, 'practitioner@demo.example');
  await nav(page, 'People we support');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Given name').fill('Wren');
  await page.getByLabel('Family name').fill('Kowalczyk');
  await page.getByLabel('Pronouns').fill('she/her');
  await page.getByLabel('Date of birth').fill('1990-04-02');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wren Kowalczyk' })).toBeVisible();
  await expectAccessible(page);

  await page.getByText('Add a supporter').click();
  await page.getByLabel('Supporter’s name').fill('Ada Kowalczyk');
  await page.getByLabel('Relationship', { exact: true }).fill('sister');
  await page.getByRole('button', { name: 'Add supporter' }).click();
  await expect(page.getByText('Nothing shared with Ada Kowalczyk.')).toBeVisible();
  await page.getByText('Share parts of the record with Ada Kowalczyk').click();
  await page.getByLabel('My goals and steps').check();
  await page.getByLabel('Why, in the person’s words').fill('So Ada can cheer me on.');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByText(/Sees: My goals and steps/)).toBeVisible();
  // Sign-ins come by invitation: a link shown once, for the worker to hand over.
  await page.getByRole('button', { name: 'Invite Ada Kowalczyk to sign in' }).click();
  const adaLink = await page.locator('#supporters code').innerText();
  expect(adaLink).toMatch(/\/invitation#.{40,}/);
  await page.getByRole('button', { name: 'Invite Wren to sign in' }).click();
  const wrenLink = await page.locator('#care-team code').innerText();
  await expect(page.locator('#care-team').getByText('Waiting to be used').first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // Wren opens her link, chooses her own password, and is signed in.
  await acceptInvitation(page, wrenLink, 'wren@example.org', 'morning light on water');
  // The link works once.
  await signOut(page);
  await page.goto(wrenLink);
  await expect(page.getByText('This invitation has already been used')).toBeVisible();
  await signIn(page, 'wren@example.org', 'morning light on water');

  // Wren writes a goal in her own words and checks in.
  await nav(page, 'My recovery plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Wren' })).toBeVisible();
  await page.getByText('Add a goal in your own words').click();
  await page.getByLabel('My goal', { exact: true }).fill('Swim in the ocean pool every week');
  await page.getByLabel('Why it matters', { exact: true }).fill('It clears my head');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Swim in the ocean pool every week' })).toBeVisible();
  await page.getByText('Do a check-in').click();
  await page.locator('select[name="rating-housing"]').selectOption('6');
  await page.locator('select[name="rating-recreation"]').selectOption('8');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Check-in saved. Thank you.')).toBeVisible();
  await expect(page.getByText('Latest check-in')).toBeVisible();
  await expect(page.locator('.recharts-radar')).toHaveCount(1);
  await page.getByText('Write what I want my worker to know').click();
  await page.getByLabel('What I want to talk about').fill('Finding a pool buddy, and my sleep.');
  await page.getByRole('button', { name: 'Save for my appointment' }).click();
  await expect(page.getByText('Your worker will see it')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The practitioner adds a step toward Wren's goal.
  await signIn(page, 'practitioner@demo.example');
  await openPerson(page, 'Wren Kowalczyk');
  await page.getByText('Add a step').first().click();
  await page.getByLabel('The step').fill('Buy a pool pass at the council office');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByRole('list', { name: /Steps toward/ }).getByRole('listitem')).toContainText(
    'Buy a pool pass at the council office',
  );
  await page.getByRole('link', { name: 'One-page summary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wren Kowalczyk: getting ready' })).toBeVisible();
  await expect(page.getByText('Finding a pool buddy, and my sleep.')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // Wren marks it done, and it is celebrated.
  await signIn(page, 'wren@example.org', 'morning light on water');
  await nav(page, 'My recovery plan');
  await page.getByRole('button', { name: /Mark done/ }).click();
  await expect(page.getByRole('heading', { name: 'Achievements to celebrate' })).toBeVisible();
  await expect(page.locator('.celebrate')).toContainText('Buy a pool pass at the council office');
  await signOut(page);

  // Ada sees only what Wren shared: her goals, not her check-ins or supporters.
  await acceptInvitation(page, adaLink, 'ada@example.org', 'paper boats on the creek');
  await nav(page, 'Shared with me');
  await page.getByRole('link', { name: 'Wren Kowalczyk' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Goals' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Swim in the ocean pool every week' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Life areas' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Supporters/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Recovery plan/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Mark done/ })).toHaveCount(0);
  await expectAccessible(page);
});

test('a worker outside the care team gives a reason before a record opens', async ({ page }) => {
  await signIn(page, 'student@demo.example');
  await nav(page, 'People we support');
  await page.getByLabel('Their name').fill('Taylor');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: 'Taylor Brooks' }).click();
  await expect(page.getByRole('heading', { name: 'You are not on this person’s care team' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What you need it for').fill('Taylor rang the youth line asking for their worker.');
  await page.getByRole('button', { name: 'Open the record for 4 hours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Taylor Brooks' })).toBeVisible();
  await expect(page.getByText('Opened with break-the-glass access')).toBeVisible();
  await signOut(page);

  await signIn(page, 'manager@demo.example');
  await nav(page, 'Break-the-glass reviews');
  await expect(page.getByText('Taylor rang the youth line asking for their worker.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Review note').fill('Appropriate: after-hours cover.');
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByText('Nothing waiting for review.')).toBeVisible();
});

test('a referral goes only with consent, and the partner agency closes the loop', async ({ page }) => {
  await signIn(page, 'practitioner@demo.example');
  await nav(page, 'People we support');
  await page.getByLabel('Search by name').fill('Mei Lin');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: 'Mei Lin' }).click();
  await page.getByText('Refer to a partner agency').click();
  await page.getByLabel('Partner agency').selectOption({ label: 'Bayside Housing Support (wait about 2 weeks)' });
  await page.getByLabel('What the referral is for').fill('Mei would like help finding a quieter flat.');
  await page.getByRole('button', { name: 'Save as a draft' }).click();
  await page.getByRole('button', { name: 'Send to Bayside Housing Support' }).click();
  await expect(page.getByText('The person has not yet agreed to share their details')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'They agree: record consent and send' }).click();
  await expect(page.locator('#referrals .tag').filter({ hasText: 'Sent' })).toBeVisible();
  await signOut(page);

  await signIn(page, 'partner@demo.example');
  await nav(page, 'Referrals');
  const mei = page.getByRole('listitem').filter({ hasText: 'Mei Lin' });
  await expect(mei).toContainText('quieter flat');
  await expectAccessible(page);
  await mei.getByRole('button', { name: /^Declined/ }).click();
  await expect(mei.getByRole('alert')).toContainText('reason');
  await mei.getByLabel(/Note/).fill('We can offer an assessment next week.');
  await mei.getByRole('button', { name: /^Accepted/ }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Mei Lin' }).locator('.tag').first()).toHaveText(
    'Accepted',
  );
});

test('a manager sees how referrals to each partner are going', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await nav(page, 'Partnerships');
  await expect(page.getByRole('table', { name: 'Referrals by partner agency' })).toContainText(
    'Bayside Housing Support',
  );
  await expect(page.getByText('Agreed response: 3 days')).toBeVisible();
  await expectAccessible(page);
});

test('a manager opens a partnership review and the partner rates it too', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await nav(page, 'Partnerships');
  await page.getByText('Open a review with Bayside Housing Support').click();
  await page.getByLabel('Name of the review').first().fill('2026 second half');
  await page.getByRole('button', { name: 'Open review' }).first().click();
  await page.getByRole('link', { name: /2026 second half/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Bayside Housing Support: 2026 second half' }),
  ).toBeVisible();
  await expect(page.getByLabel('How true is this (1 not at all, 5 fully)')).toHaveCount(7);
  for (const select of await page.getByLabel('How true is this (1 not at all, 5 fully)').all())
    await select.selectOption('4');
  await page.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(page.getByText('Your ratings are in the results')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, 'partner@demo.example');
  await nav(page, 'Referrals');
  await page.getByRole('link', { name: /2026 second half/ }).click();
  await expect(page.getByLabel('How true is this (1 not at all, 5 fully)')).toHaveCount(7);
  for (const select of await page.getByLabel('How true is this (1 not at all, 5 fully)').all())
    await select.selectOption('2');
  await page.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(page.getByText(/Rated by 1 from our service and 1 from Bayside/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Results by dimension' })).toContainText('3.0');
});

test('the care team records a case conference with a partner', async ({ page }) => {
  await signIn(page, 'practitioner@demo.example');
  await nav(page, 'People we support');
  await page.getByLabel('Search by name').fill('Ari Tane');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: 'Ari Tane' }).click();
  await page.getByText('Record a case conference').click();
  await page.getByLabel('Held on').fill('2026-11-20');
  await page.getByLabel('Who was there').fill('Ari, Jordan Lee, Bayside intake');
  await page.getByLabel('What was decided').fill('Ari will view two units next week.');
  await page.getByRole('button', { name: 'Save case conference' }).click();
  await expect(page.getByText('Decided: Ari will view two units next week.')).toBeVisible();
  await expectAccessible(page);
});

test('a manager keeps the agreement and the partner agency keeps its own capacity', async ({ page }) => {
  await signIn(page, 'manager@demo.example');
  await nav(page, 'Partnerships');
  await page.getByRole('button', { name: 'Edit agreement with Bayside Housing Support' }).click();
  const form = page.getByRole('form', { name: 'Agreement with Bayside Housing Support' });
  await form.getByLabel('What we put in').fill('A peer worker at Bayside every Thursday.');
  await form.getByLabel('What they put in').fill('Two transitional places held for people we refer.');
  await form.getByLabel('Review by').fill('2027-06-30');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save agreement' }).click();
  await expect(page.getByText('A peer worker at Bayside every Thursday.')).toBeVisible();
  await expect(page.getByText('review by 2027-06-30')).toBeVisible();
  await page.getByLabel('Attach a document to the agreement with Bayside Housing Support').setInputFiles({
    name: 'Bayside agreement signed.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 signed by both sides'),
  });
  const link = page.getByRole('link', { name: 'Bayside agreement signed.pdf' });
  await expect(link).toBeVisible();
  const download = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download[0].suggestedFilename()).toBe('Bayside agreement signed.pdf');
  await signOut(page);

  await signIn(page, 'partner@demo.example');
  await nav(page, 'Referrals');
  await page.getByLabel('We are taking referrals').uncheck();
  await page.getByLabel('Current wait (weeks)').fill('6');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText(/Last updated/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, 'manager@demo.example');
  await nav(page, 'Partnerships');
  const bayside = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /Bayside Housing Support/ }) });
  await expect(bayside.getByText('Not taking referrals')).toBeVisible();
  await expect(bayside.getByText(/current wait about 6 weeks/)).toBeVisible();
});
