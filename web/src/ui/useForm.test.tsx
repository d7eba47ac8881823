import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../app/api';
import { ErrorNotice } from './ErrorNotice';
import { TextField } from './Field';
import { useForm } from './useForm';

afterEach(cleanup);

const refusal = new ApiError({
  status: 422,
  title: 'Check the highlighted fields',
  errors: [{ field: 'name', message: 'cannot be empty' }],
});

function Example({ send, onSuccess }: { send: (v: { name: string }) => Promise<string>; onSuccess?: () => void }) {
  const form = useForm({ initial: { name: '' }, submit: send, onSuccess, resetOnSuccess: true });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorNotice error={form.error} />
      {form.succeeded && <p>Saved</p>}
      <TextField label="Name" {...form.field('name')} />
      <button type="submit" disabled={form.pending}>
        Save
      </button>
    </form>
  );
}

describe('useForm', () => {
  it('sends what was typed once, shows it pending, then starts again', async () => {
    let finish: (v: string) => void = () => {};
    const send = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const onSuccess = vi.fn();
    render(<Example send={send} onSuccess={onSuccess} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Aroha' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ name: 'Aroha' });
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    await act(async () => finish('ok'));
    expect(onSuccess).toHaveBeenCalledWith('ok', { name: 'Aroha' });
    expect(screen.getByText('Saved')).toBeTruthy();
    expect(screen.getByLabelText('Name')).toHaveProperty('value', '');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false);
  });

  it("keeps the values and shows the server's refusal, whole and by field", async () => {
    render(<Example send={() => Promise.reject(refusal)} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Check the highlighted fields');
    expect(screen.getAllByText('cannot be empty')).toHaveLength(2);
    expect(screen.getByLabelText('Name')).toHaveProperty('value', ' ');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });
});
