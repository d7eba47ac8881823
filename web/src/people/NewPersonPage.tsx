import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../app/api';
import { peopleApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextArea, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';

export function NewPersonPage() {
  const navigate = useNavigate();
  const [form, setForm] = useState({
    givenName: '',
    familyName: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    languages: '',
    culturalIdentity: '',
    communicationNeeds: '',
  });
  const [interpreterNeeded, setInterpreterNeeded] = useState(false);
  const [confirmDifferent, setConfirmDifferent] = useState(false);
  const create = useMutation({
    mutationFn: () => peopleApi.create({ ...form, interpreterNeeded, notADuplicate: confirmDifferent || undefined }),
    onSuccess: (p) => navigate(`/people/${p.id}`),
  });
  const duplicate = create.error instanceof ApiError && create.error.code === 'possible_duplicate';
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    error: create.error,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <>
      <PageTitle title="Add a person" />
      <p className="lead">Start with what they are happy to share. Everything else can come later, in their words.</p>
      <ErrorNotice error={create.error} />
      <form onSubmit={submit} noValidate>
        <TextField label="Given name" autoComplete="off" {...field('givenName')} />
        <TextField label="Family name" autoComplete="off" {...field('familyName')} />
        <TextField label="Name they like to be called" hint="Optional" {...field('preferredName')} />
        <TextField label="Pronouns" hint="Optional, for example she/her, they/them" {...field('pronouns')} />
        <TextField label="Date of birth" type="date" {...field('dateOfBirth')} />
        <TextField label="Phone" type="tel" {...field('phone')} />
        <TextField label="Email" type="email" {...field('email')} />
        <TextField label="Languages" hint="The languages they speak, first the one they prefer" {...field('languages')} />
        <div className="check">
          <input id="interpreter" type="checkbox" checked={interpreterNeeded} onChange={(e) => setInterpreterNeeded(e.target.checked)} />
          <label htmlFor="interpreter">They would like an interpreter</label>
        </div>
        <TextArea label="Cultural identity" hint="Only if they want it recorded" rows={2} {...field('culturalIdentity')} />
        <TextArea label="Communication and accessibility needs" rows={2} {...field('communicationNeeds')} />
        {duplicate && (
          <div className="check">
            <input id="not-duplicate" type="checkbox" checked={confirmDifferent} onChange={(e) => setConfirmDifferent(e.target.checked)} />
            <label htmlFor="not-duplicate">I have checked: this is a different person</label>
          </div>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          Add person
        </button>
      </form>
    </>
  );
}
