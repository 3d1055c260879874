import { Link } from 'react-router';
import { PageError } from './page-state';

/** A page the signed-in member's role does not open (the server would refuse it too). */
export function NoAccess({ what }: { what: string }) {
  return (
    <PageError
      page
      title={`You don’t have access to ${what}`}
      error={new Error('Your role in the studio does not include this. Ask a studio admin if you need it.')}
      action={
        <Link to="/" className="button">
          Go to sessions
        </Link>
      }
    />
  );
}
