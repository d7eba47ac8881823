import { Link } from 'react-router-dom';
import { navigation } from './area';
import { useMyPages } from './AreasContext';
import { roleLabel, useSignedIn } from './session';
import { PageTitle } from '../ui/PageTitle';

export function HomePage() {
  const session = useSignedIn();
  const { user } = session;
  const links = navigation(useMyPages())
    .flatMap(([, items]) => items)
    .filter((p) => p.path !== '/');
  return (
    <>
      <PageTitle title={`Welcome, ${user.displayName.split(' ')[0]}`} />
      <p className="lead">Signed in as {roleLabel(user.role)}. Here is what you can do today.</p>
      <ul className="cards">
        {links.map((p) => (
          <li key={p.path} className="card">
            <Link to={p.path}>{p.nav!.label}</Link>
            <span className="muted">{p.nav!.group}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
