import { useQueryClient } from '@tanstack/react-query';
import { prepApi } from './api';
import type { NewAppointmentPrep } from '../app/api-schema';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { TextArea, TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

/** In the portal: the person notes what they want their worker to know before they meet. */
export function AppointmentPrepSection({ personId }: { personId: string }) {
  const qc = useQueryClient();
  const save = useForm({
    initial: {
      forDate: '',
      howThingsHaveBeen: '',
      wantToTalkAbout: '',
      whatHelps: '',
      wantTreatmentToHelp: '',
    } satisfies NewAppointmentPrep,
    // An empty date is left out: the appointment's date is optional, and '' is not a date.
    submit: (v) => prepApi.add(personId, { ...v, forDate: v.forDate || undefined }),
    resetOnSuccess: true,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['preps', personId] }),
  });
  const { field } = save;
  return (
    <section aria-labelledby="prep-title">
      <h2 id="prep-title">Getting ready for my next appointment</h2>
      {save.succeeded && <SuccessNotice>Saved. Your worker will see it when you next meet.</SuccessNotice>}
      <details>
        <summary>Write what I want my worker to know</summary>
        <ErrorNotice error={save.error} />
        <form onSubmit={save.onSubmit} noValidate>
          <TextField label="Appointment date (if you know it)" type="date" {...field('forDate')} />
          <TextArea label="How things have been" rows={2} {...field('howThingsHaveBeen')} />
          <TextArea label="What I want to talk about" rows={2} {...field('wantToTalkAbout')} />
          <TextArea label="What helps me in appointments" rows={2} {...field('whatHelps')} />
          <TextArea
            label="What I want treatment and support to help me do"
            rows={2}
            {...field('wantTreatmentToHelp')}
          />
          <button type="submit" className="primary" disabled={save.pending}>
            Save for my appointment
          </button>
        </form>
      </details>
    </section>
  );
}
