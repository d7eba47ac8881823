import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ApiError } from '../app/api';
import { TextField } from './Field';
import { ErrorNotice } from './ErrorNotice';

afterEach(cleanup);

const problem = new ApiError({
  status: 422,
  type: 'https://trellis.example/problems/invalid_fields',
  title: 'Check the highlighted fields',
  detail: 'email must be an email address.',
  errors: [{ field: 'email', message: 'must be an email address, like name@example.org' }],
});

describe('TextField', () => {
  it("shows the server's message for its own field and marks the input invalid", () => {
    render(<TextField label="Email" name="email" error={problem} defaultValue="" />);
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input.getAttribute('aria-describedby')!;
    expect(document.getElementById(described)!.textContent).toContain('like name@example.org');
  });

  it('stays quiet when the error is about another field', () => {
    render(<TextField label="Name" name="displayName" error={problem} defaultValue="" />);
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('ErrorNotice', () => {
  it('announces the title and each field problem as an alert', () => {
    render(<ErrorNotice error={problem} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Check the highlighted fields');
    expect(alert.textContent).toContain('must be an email address');
  });

  it('gives the reference only for faults on our side', () => {
    render(
      <ErrorNotice
        error={new ApiError({ status: 500, title: 'Something went wrong on our side', requestId: 'req-42' })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('req-42');
  });

  it('says when sign-in can be tried again', () => {
    render(
      <ErrorNotice
        error={new ApiError({ status: 429, title: 'Sign-in is paused for a while', retryAfterSeconds: 600 })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('about 10 minutes');
  });
});
