import { Link } from 'react-router-dom';
import { PageTitle } from '../ui/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="We could not find that page" />
      <p>The address may be mistyped, or the page may need a role you do not have.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
