import { useNavigate } from 'react-router-dom';
import { ApiError } from '../app/api';
import { peopleApi } from './api';
import type { NewPerson } from '../app/api-schema';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextArea, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

export function NewPersonPage() {
  const navigate = useNavigate();
  const form = useForm({
    initial: {
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
      interpreterNeeded: false,
      notADuplicate: false,
    } satisfies NewPerson,
    // Sent as it is, but for notADuplicate: only once the worker has checked.
    submit: (v) => peopleApi.create({ ...v, notADuplicate: v.notADuplicate || undefined }),
    onSuccess: (p) => navigate(`/people/${p.id}`),
  });
  const duplicate = form.error instanceof ApiError && form.error.code === 'possible_duplicate';
  const { field } = form;
  return (
    <>
      <PageTitle title="Add a person" />
      <p className="lead">Start with what they are happy to share. Everything else can come later, in their words.</p>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField label="Given name" autoComplete="off" {...field('givenName')} />
        <TextField label="Family name" autoComplete="off" {...field('familyName')} />
        <TextField label="Name they like to be called" hint="Optional" {...field('preferredName')} />
        <TextField label="Pronouns" hint="Optional, for example she/her, they/them" {...field('pronouns')} />
        <TextField label="Date of birth" type="date" {...field('dateOfBirth')} />
        <TextField label="Phone" type="tel" {...field('phone')} />
        <TextField label="Email" type="email" {...field('email')} />
        <TextField
          label="Languages"
          hint="The languages they speak, first the one they prefer"
          {...field('languages')}
        />
        <div className="check">
          <input id="interpreter" type="checkbox" {...form.check('interpreterNeeded')} />
          <label htmlFor="interpreter">They would like an interpreter</label>
        </div>
        <TextArea
          label="Cultural identity"
          hint="Only if they want it recorded"
          rows={2}
          {...field('culturalIdentity')}
        />
        <TextArea label="Communication and accessibility needs" rows={2} {...field('communicationNeeds')} />
        {duplicate && (
          <div className="check">
            <input id="not-duplicate" type="checkbox" {...form.check('notADuplicate')} />
            <label htmlFor="not-duplicate">I have checked: this is a different person</label>
          </div>
        )}
        <button type="submit" className="primary" disabled={form.pending}>
          Add person
        </button>
      </form>
    </>
  );
}
