import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoPassword, expectAccessible, nav, signOut } from './helpers';

/** What an authenticator app shows for a base32 key now (RFC 6238: SHA-1, 30 s, 6 digits). */
function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

test('a manager turns on two-step sign-in and signs in with a recovery code', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('manager@demo.example');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await nav(page, 'Your account');
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  const secret = await page.locator('#two-step-title ~ p code').innerText();
  await page.getByLabel('The 6-digit code your app shows').fill(totp(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByText('Your recovery codes')).toBeVisible();
  const recovery = await page.locator('ul.codes code').first().innerText();
  await expect(page.getByText(/^On\. Each sign-in asks for a code/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The password alone is not enough now.
  await page.getByLabel('Email').fill('manager@demo.example');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.field-error')).toContainText('is not the code your app shows now');
  await page.getByLabel('Code').fill(recovery);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

  // Turned off again, so the other journeys sign in as before.
  await nav(page, 'Your account');
  await expect(page.getByText('9 recovery codes left.')).toBeVisible();
  await page.getByRole('button', { name: 'Turn two-step sign-in off' }).click();
  await expect(page.getByRole('button', { name: 'Set up two-step sign-in' })).toBeVisible();
});
