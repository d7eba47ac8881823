import { expect, test } from '@playwright/test';
import { demoPassword, expectAccessible, nav, signIn, signOut } from './helpers';

test('an administrator creates a team and a practitioner, who signs in and out', async ({ page }) => {
  await signIn(page, 'administrator@demo.example');
  await expectAccessible(page);

  await nav(page, 'Teams');
  await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
  await page.getByLabel('Team name').fill('Hearing Voices Network');
  await page.getByLabel('What the team does').fill('A peer-led group for people who hear voices.');
  await page.getByLabel('Site').selectOption({ label: 'Hillside Hub' });
  await page.getByRole('button', { name: 'Add team' }).click();
  await expect(page.getByRole('status')).toContainText('Hearing Voices Network was added');
  await expect(page.getByRole('list', { name: 'Teams' })).toContainText('Hearing Voices Network');
  await expectAccessible(page);

  await nav(page, 'Users');
  await page.getByLabel('Full name').fill('Dana Fraser');
  await page.getByLabel('Email', { exact: true }).fill('dana.fraser@demo.example');
  await page.getByRole('combobox', { name: 'Role' }).last().selectOption('practitioner');
  await page.getByLabel('Hearing Voices Network').check();
  await page.getByLabel('First password').fill('paper lanterns at dusk');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toContainText('Dana Fraser was added');
  await expect(page.getByRole('table')).toContainText('dana.fraser@demo.example');
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, 'dana.fraser@demo.example', 'paper lanterns at dusk');
  await expect(page.getByText('Dana Fraser')).toBeVisible();
  await expect(page.getByText('Practitioner').first()).toBeVisible();
  // A practitioner has no administration pages.
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await signOut(page);
});

test('a wrong password shows the server message and sign-in works after', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.getByLabel('Email').fill('manager@demo.example');
  await page.getByLabel('Password').fill('not the right one');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That email and password do not match');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, Priya/ })).toBeVisible();
});

test('the whole sign-in and navigation work by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type('administrator@demo.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  // Skip link first, then the navigation, in reading order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const auditLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' });
  for (let i = 0; i < 12 && !(await auditLink.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(auditLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('auth.login');
  await expectAccessible(page);
});

test('an administrator confirms their password before changing a role', async ({ page }) => {
  await signIn(page, 'administrator@demo.example');
  await nav(page, 'Users');
  await page.getByRole('link', { name: 'Riley Chen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riley Chen' })).toBeVisible();
  await expectAccessible(page);
  // Sign-in counts as a confirmation for ten minutes; ask the server to forget it by waiting is
  // not possible in a browser test, so this checks the role change goes through and is shown.
  await page.getByRole('combobox', { name: 'Role' }).selectOption('practitioner');
  await page.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByRole('status')).toContainText('Role changed to Practitioner');
});

test('a person sees and ends their other sessions @phone', async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, 'person@demo.example');

  await signIn(page, 'person@demo.example');
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByText('This device', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0);

  await otherPage.reload();
  await expect(otherPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await other.close();
});

test('pages read well on a phone @phone-only', async ({ page }) => {
  await signIn(page, 'administrator@demo.example');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('an administrator shapes life areas and advance statement rules', async ({ page }) => {
  await signIn(page, 'administrator@demo.example');
  await nav(page, 'Life areas');
  await expect(page.getByRole('button', { name: 'Retire Housing' })).toBeVisible();
  await page.getByLabel('Name').fill('Connection to Country');
  await page.getByRole('button', { name: 'Add life area' }).click();
  await expect(page.getByRole('button', { name: 'Retire Connection to Country' })).toBeVisible();
  await expectAccessible(page);
  await nav(page, 'Advance statements');
  await page.getByLabel('A nominated support person must be named').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await expectAccessible(page);
});

test('an administrator brings in an HSDS file and a practitioner finds a service', async ({ page }) => {
  await signIn(page, 'administrator@demo.example');
  await nav(page, 'Service directory');
  await page
    .getByLabel('HSDS file (JSON) or CSV files')
    .setInputFiles('../../shared/hsds/examples/organization_full.json');
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('1 added');
  await expectAccessible(page);
  // A tabular export: every CSV file at once.
  const csv = ['organizations', 'services', 'locations', 'service_at_location', 'phones', 'schedules', 'languages'].map(
    (t) => `../../shared/hsds/examples/csv/${t}.csv`,
  );
  await page.getByLabel('HSDS file (JSON) or CSV files').setInputFiles(csv);
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('added');
  await signOut(page);
  await signIn(page, 'practitioner@demo.example');
  await nav(page, 'Service directory');
  await page.getByLabel('What are you looking for?').fill('eating disorders');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText('Community Counselling')).toBeVisible();
  await expectAccessible(page);
});

test('a practitioner finds housing services near a suburb, nearest first, by keyboard', async ({ page }) => {
  await signIn(page, 'practitioner@demo.example');
  await nav(page, 'Service directory');
  await page.getByLabel('What are you looking for?').fill('');
  await page.getByLabel('Category').selectOption('housing');
  await page.getByLabel('Near').fill('Northcote');
  await page.getByLabel('Near').press('Enter');
  await expect(page).toHaveURL(/near=Northcote/);
  const results = page.getByRole('list', { name: 'Services found' }).getByRole('listitem');
  await expect(results.first()).toContainText('km away');
  const distances = (await results.allInnerTexts()).map((t) => Number(/([\d.]+) km away/.exec(t)?.[1]));
  expect(distances.length).toBeGreaterThan(1);
  expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  for (const text of await results.allInnerTexts()) expect(text).toContain('Housing and homelessness');
  await expectAccessible(page);
  // A place the directory does not know is named, not a blank page.
  await page.getByLabel('Near').fill('Atlantis');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText('is not a suburb or postcode with services in the directory').first()).toBeVisible();
});

test('a practitioner shows more services a page at a time, by keyboard', async ({ page }) => {
  await signIn(page, 'practitioner@demo.example');
  await nav(page, 'Service directory');
  await page.getByLabel('What are you looking for?').fill('');
  await page.getByRole('button', { name: 'Find' }).click();
  const results = page.getByRole('list', { name: 'Services found' }).getByRole('listitem');
  await expect(results).toHaveCount(50);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing the first 50 services');
  const more = page.getByRole('button', { name: 'Show more services' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(100);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing the first 100 services');
  // Focus goes to the first service the new page added, so reading goes on from there.
  await expect(results.nth(50)).toBeFocused();
  await expectAccessible(page);
});
