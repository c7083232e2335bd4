import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../errors.js';
import { ErrorSummary } from './components.js';

const HEADINGS: Record<number, string> = {
  400: 'Oplysningerne kunne ikke bruges',
  403: 'Du har ikke adgang',
  404: 'Siden findes ikke',
  409: 'Handlingen kunne ikke gennemføres',
  413: 'Filen eller formularen er for stor',
  429: 'For mange forsøg',
};

export const ErrorPage: FC<{ status: number; message: string; fields: FieldErrors }> = ({ status, message, fields }) => (
  <>
    <h1>{HEADINGS[status] ?? 'Der opstod en fejl'}</h1>
    <p>{message}</p>
    {Object.keys(fields).length > 0 && <ErrorSummary errors={fields} message="Fejl i oplysningerne" />}
    <p>
      <a href="/">Gå til forsiden</a>
    </p>
  </>
);
