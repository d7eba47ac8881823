import { useSignedIn } from '../app/session';
import { PersonRecord } from './PersonRecord';
import { PageTitle } from '../ui/PageTitle';

/** The portal: the person's own record, which they read and write. */
export function MyRecordPage() {
  const { user } = useSignedIn();
  if (!user.personId) {
    return (
      <>
        <PageTitle title="My record" />
        <p>Your sign-in is not linked to a record yet. Your worker can link it for you.</p>
      </>
    );
  }
  return <PersonRecord personId={user.personId} />;
}
