import { useParams } from 'react-router-dom';
import { PersonRecord } from './PersonRecord';

export function PersonPage() {
  const { id = '' } = useParams();
  return <PersonRecord key={id} personId={id} />;
}
