// Administration: the organisation's own set of life areas for check-ins and goals.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lifeAreasApi, recoveryApi } from './api';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';

export function LifeAreasPage() {
  const qc = useQueryClient();
  const areas = useQuery({ queryKey: ['life-areas'], queryFn: recoveryApi.lifeAreas });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: ['life-areas'] });
  const add = useMutation({
    mutationFn: () => lifeAreasApi.add(name, description),
    onSuccess: () => {
      setName('');
      setDescription('');
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => lifeAreasApi.update(id, { active }),
    onSuccess: refresh,
  });
  return (
    <>
      <PageTitle title="Life areas" />
      <p className="lead">The parts of a whole life that people rate in check-ins and link goals to. Retired areas keep their past ratings.</p>
      <ErrorNotice error={areas.error ?? toggle.error} />
      <ul className="list">
        {(areas.data ?? []).map((a) => (
          <li key={a.id} className="list-row">
            <span>
              <strong>{a.name}</strong> {!a.active && <span className="tag">Retired</span>}
              <span className="muted small"> {a.description}</span>
            </span>
            <button type="button" onClick={() => toggle.mutate({ id: a.id, active: !a.active })} disabled={toggle.isPending}>
              {a.active ? 'Retire' : 'Bring back'}
              <span className="visually-hidden"> {a.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-area">
        <h2 id="add-area">Add a life area</h2>
        <ErrorNotice error={add.error} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
          noValidate
        >
          <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={add.error} />
          <TextField label="A short description" name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={add.error} />
          <button type="submit" className="primary" disabled={add.isPending}>
            Add life area
          </button>
        </form>
      </section>
    </>
  );
}
