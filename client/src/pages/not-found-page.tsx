import { Link } from 'react-router';
import { PageError } from '../components/page-state';

export function NotFoundPage() {
  return (
    <PageError
      page
      title="Page not found"
      error={new Error('There is nothing at this address.')}
      action={
        <Link to="/" className="button">
          Go to sessions
        </Link>
      }
    />
  );
}
