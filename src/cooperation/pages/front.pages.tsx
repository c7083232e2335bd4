/**
 * @module The cooperation's front page: what the cooperation keeps in Ramme, with a link to each part.
 */
import type { FastifyInstance } from 'fastify';
import { cooperationFront } from '../bodies.service.js';
import { HTML } from './http.js';

export function frontPages(app: FastifyInstance) {
  app.get('/samarbejde', HTML, async (req, reply) => {
    await cooperationFront(req.ctx);
    return reply.page({
      title: 'Samarbejdet',
      breadcrumbs: [{ href: '/', label: 'Forside' }, { label: 'Samarbejde' }],
      body: (
        <>
          <h1>Samarbejdet</h1>
          <p>Rammeaftalesamarbejdets egne organer, møder, centrale udmeldinger, fælles drøftelser og aktiviteter.</p>
          <ul>
            <li>
              <a href="/samarbejde/organer">Organer og organisering</a> – styregruppe, udviklingsgruppe, netværk og deres medlemmer, kommissorier og
              organisationsdiagram
            </li>
            <li>
              <a href="/samarbejde/moeder">Møder</a> – organernes møder med program og referat, og kalendere
            </li>
            <li>
              <a href="/samarbejde/udmeldinger">Centrale udmeldinger</a> – udmeldinger fra Social- og Boligstyrelsen, kommunernes svar og områdernes
              afrapporteringer
            </li>
            <li>
              <a href="/samarbejde/droeftelser">Fælles drøftelser</a> – drøftelser før lukning eller omlægning af et bo- eller døgntilbud og forespørgsler før
              et enkeltmandstilbud, med medlemskommunernes svar
            </li>
            <li>
              <a href="/samarbejde/beskyttede-tilbud">Beskyttede tilbud</a> – de mest specialiserede tilbud og det forstærkede samarbejde: belægning, økonomi,
              venteliste, varsler og udløsere; <a href="/samarbejde/dialogsager">dialogsager</a> med kommunernes svar og nødbremsens trin
            </li>
            <li>
              <a href="/samarbejde/aktiviteter">Aktiviteter</a> – temadage, konferencer, netværks-, informations- og politiske møder med målgruppe, deltagere og
              evaluering
            </li>
            <li>
              <a href="/samarbejde/projekter">Projekter</a> – samarbejdets projekter og analyser med formål, ejer, periode, status og resultater
            </li>
            <li>
              <a href="/samarbejde/aarsrapport">Årsrapport</a> – opsamling på rammeaftalen og årets aktiviteter, projekter, centrale udmeldinger og møder pr.
              område, også som PDF og Word
            </li>
          </ul>
        </>
      ),
    });
  });
}
