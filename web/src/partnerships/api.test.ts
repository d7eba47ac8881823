import { describe, expect, it } from 'vitest';
import { documentTypeOf, localMinute, placeOf } from './api';

describe('placeOf', () => {
  it('keeps only the postcode of an Australian address', () => {
    expect(placeOf('12 Wattle Street, Northcote VIC 3070')).toBe('3070');
  });
  it('takes the last postcode-like number, not a street number', () => {
    expect(placeOf('1234 Long Road, Geelong VIC 3220')).toBe('3220');
  });
  it('falls back to the last part of the address', () => {
    expect(placeOf('Unit 4, 9 Hope St, Ballarat')).toBe('Ballarat');
    expect(placeOf('')).toBe('');
  });
});

describe('localMinute', () => {
  it('is the local date and time to the minute', () => {
    expect(localMinute(new Date(2026, 10, 23, 9, 5, 59))).toBe('2026-11-23T09:05');
  });
});

describe('documentTypeOf', () => {
  it('takes the browser’s type when the server keeps that type', () => {
    expect(documentTypeOf({ name: 'agreement.pdf', type: 'application/pdf' })).toBe('application/pdf');
  });
  it('goes by the extension when the browser gives no type, or one the server does not keep', () => {
    expect(documentTypeOf({ name: 'Agreement.DOCX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(documentTypeOf({ name: 'notes.odt', type: 'application/octet-stream' })).toBe(
      'application/vnd.oasis.opendocument.text',
    );
  });
  it('is null for anything else', () => {
    expect(documentTypeOf({ name: 'photo.png', type: 'image/png' })).toBeNull();
    expect(documentTypeOf({ name: 'pdf', type: '' })).toBeNull();
  });
});
