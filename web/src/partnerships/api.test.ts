import { describe, expect, it } from 'vitest';
import type { DirectorySearchPage } from '../app/api-schema';
import { testService } from '../app/test-support';
import { documentTypeOf, localMinute, placeOf, servicesOf, shownServices } from './api';

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

const page = (ids: string[], nextCursor: string | null): DirectorySearchPage => ({
  items: ids.map((id) => testService(id)),
  nextCursor,
});

describe('servicesOf', () => {
  it('puts each page after the one before, in the order found', () => {
    const pages = [page(['a', 'b'], 'c1'), page(['c', 'd'], 'c2'), page(['e'], null)];
    expect(servicesOf(pages).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('shows a service once, where it first came, when a later page brings it again', () => {
    const pages = [page(['a', 'b'], 'c1'), page(['b', 'c'], null)];
    expect(servicesOf(pages).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
  it('is empty before any page, and for a search that found nothing', () => {
    expect(servicesOf([])).toEqual([]);
    expect(servicesOf([page([], null)])).toEqual([]);
  });
});

describe('shownServices', () => {
  it('says only the first are shown while there are more', () => {
    expect(shownServices(50, true, false)).toBe('Showing the first 50 services');
    expect(shownServices(100, true, true)).toBe('Showing the first 100 services, nearest first');
  });
  it('says all are shown after the last page', () => {
    expect(shownServices(123, false, false)).toBe('Showing all 123 services');
    expect(shownServices(50, false, true)).toBe('Showing all 50 services, nearest first');
    expect(shownServices(1, false, true)).toBe('Showing 1 service');
  });
});
