// Administration: the organisation's own set of life areas for check-ins and goals.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lifeAreasApi, recoveryApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

export function LifeAreasPage() {
  const qc = useQueryClient();
  const areas = useQuery({ queryKey: ['life-areas'], queryFn: recoveryApi.lifeAreas });
  const refresh = () => qc.invalidateQueries({ queryKey: ['life-areas'] });
  const add = useForm({
    initial: { name: '', description: '' },
    submit: (v) => lifeAreasApi.add(v.name, v.description),
    resetOnSuccess: true,
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => lifeAreasApi.update(id, { active }),
    onSuccess: refresh,
  });
  return (
    <>
      <PageTitle title="Life areas" />
      <p className="lead">
        The parts of a whole life that people rate in check-ins and link goals to. Retired areas keep their past
        ratings.
      </p>
      <ErrorNotice error={areas.error ?? toggle.error} />
      <ul className="list">
        {(areas.data ?? []).map((a) => (
          <li key={a.id} className="list-row">
            <span>
              <strong>{a.name}</strong> {!a.active && <span className="tag">Retired</span>}
              <span className="muted small"> {a.description}</span>
            </span>
            <button
              type="button"
              onClick={() => toggle.mutate({ id: a.id, active: !a.active })}
              disabled={toggle.isPending}
            >
              {a.active ? 'Retire' : 'Bring back'}
              <span className="visually-hidden"> {a.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-area">
        <h2 id="add-area">Add a life area</h2>
        <ErrorNotice error={add.error} />
        <form onSubmit={add.onSubmit} noValidate>
          <TextField label="Name" {...add.field('name')} />
          <TextField label="A short description" {...add.field('description')} />
          <button type="submit" className="primary" disabled={add.pending}>
            Add life area
          </button>
        </form>
      </section>
    </>
  );
}
