/**
 * The accessibility statement (toegankelijkheidsverklaring) and the privacy statement, in both
 * languages. Honest about what the canvas cannot do and about what is stored.
 */
import type { Language } from '../i18n/i18n.tsx'

export interface InfoSection {
  heading: string
  paragraphs: string[]
  list?: string[]
}

export type InfoText = Record<Language, { title: string; sections: InfoSection[] }>

export const ACCESSIBILITY: InfoText = {
  nl: {
    title: 'Toegankelijkheidsverklaring',
    sections: [
      {
        heading: 'Wat we nastreven',
        paragraphs: [
          'Regiebord wil voldoen aan WCAG 2.1 niveau AA, de norm voor websites en apps van Nederlandse overheden. Iedereen moet aan een werksessie kunnen meedoen, ook wie geen muis gebruikt, slecht ziet of met een schermlezer werkt.',
        ],
      },
      {
        heading: 'Wat het tekenvlak niet kan',
        paragraphs: [
          'Het tekenvlak zelf (het canvas met kaarten, pijlen en notities) is visueel: vormen verslepen, pijlen trekken en de plek van iets op het bord zijn niet goed te bedienen met alleen een toetsenbord en worden niet voorgelezen door een schermlezer. Dit voldoet niet aan WCAG 2.1 AA (onder meer 1.1.1, 2.1.1 en 4.1.2 voor het canvas).',
        ],
      },
      {
        heading: 'Wat de tekstweergave biedt',
        paragraphs: ['De knop "Tekstweergave" (bovenaan het bord, of de eerste link als je met Tab begint) toont hetzelfde bord als gewone tekst. Daarin kun je:'],
        list: [
          'alle kaders en banen lezen, met de notities, actoren en kaarten die erin staan, en alle relaties tussen actoren;',
          'een notitie toevoegen aan een kader naar keuze, en je eigen notities bewerken;',
          'meestemmen met stippen en de uitslag lezen;',
          'de timer volgen; nieuwe notities van anderen worden aangekondigd.',
        ],
      },
      {
        heading: 'De rest van Regiebord',
        paragraphs: [
          'De startpagina, het aanmeldvenster, het paneel van de procesbegeleider, de regiecheck en de exports zijn met het toetsenbord te bedienen, hebben een zichtbare focus, gelabelde velden en voldoende contrast. We testen dit automatisch met axe-core en met een test die een sessie alleen met het toetsenbord doorloopt.',
        ],
      },
      {
        heading: 'Iets werkt niet voor jou?',
        paragraphs: ['Meld het bij de organisatie die de sessie begeleidt; zij kunnen je ook een export (CSV of verslag) van het bord geven.'],
      },
    ],
  },
  en: {
    title: 'Accessibility statement',
    sections: [
      {
        heading: 'What we aim for',
        paragraphs: [
          'Regiebord aims to meet WCAG 2.1 level AA, the standard for Dutch government websites and apps. Everyone should be able to take part in a session, including people who do not use a mouse, have low vision or use a screen reader.',
        ],
      },
      {
        heading: 'What the canvas cannot do',
        paragraphs: [
          'The drawing canvas itself (cards, arrows and notes on the board) is visual: dragging shapes, drawing arrows and where something sits on the board cannot be operated well by keyboard alone and are not read out by screen readers. This does not meet WCAG 2.1 AA (among others 1.1.1, 2.1.1 and 4.1.2 for the canvas).',
        ],
      },
      {
        heading: 'What the text view offers',
        paragraphs: ['The "Text view" button (at the top of the board, or the first link when you start with Tab) shows the same board as plain text. There you can:'],
        list: [
          'read every frame and lane with the notes, actors and cards in it, and every relation between actors;',
          'add a note to a frame of your choice, and edit your own notes;',
          'vote with dots and read the results;',
          'follow the timer; new notes from others are announced.',
        ],
      },
      {
        heading: 'The rest of Regiebord',
        paragraphs: [
          'The start page, the join dialog, the facilitator panel, the regiecheck and the exports work with the keyboard, show a visible focus, have labelled controls and sufficient contrast. We test this automatically with axe-core and with a test that goes through a session by keyboard only.',
        ],
      },
      {
        heading: 'Something does not work for you?',
        paragraphs: ['Tell the organisation running the session; they can also give you an export (CSV or report) of the board.'],
      },
    ],
  },
}

export const PRIVACY: InfoText = {
  nl: {
    title: 'Privacy',
    sections: [
      {
        heading: 'Wat Regiebord bewaart',
        paragraphs: ['Regiebord heeft geen accounts en volgt je niet: geen cookies voor tracking, geen analytics, geen verzoeken naar andere partijen. Op de server van de organisatie die het bord beheert staat:'],
        list: [
          'de inhoud van het bord: notities, kaarten, pijlen, afbeeldingen die iemand uploadde;',
          'bij een notitie of vorm de schermnaam van wie hem maakte (de naam die je zelf opgaf);',
          'stemmen, zonder naam: gekoppeld aan een willekeurige code die alleen jouw browser kent;',
          'voor elk bord drie toegangscodes (alleen als onleesbare hash) en wanneer het bord het laatst geopend is.',
        ],
      },
      {
        heading: 'Wat niet bewaard wordt',
        paragraphs: [
          'Je naam en kleur staan verder alleen in je eigen browser; wie er aanwezig is, wordt meteen gedeeld en niet opgeslagen. De toegangscode in de link staat achter het #-teken en komt daardoor niet in logbestanden terecht.',
        ],
      },
      {
        heading: 'Hoe lang',
        paragraphs: [
          'Tot de procesbegeleider het bord verwijdert; dan gaat alles weg wat over het bord is opgeslagen. De beheerder kan instellen dat borden die een tijd niet geopend zijn vanzelf worden verwijderd.',
        ],
      },
    ],
  },
  en: {
    title: 'Privacy',
    sections: [
      {
        heading: 'What Regiebord stores',
        paragraphs: ['Regiebord has no accounts and does not track you: no tracking cookies, no analytics, no requests to other parties. The server of the organisation that runs the board holds:'],
        list: [
          'the content of the board: notes, cards, arrows, images someone uploaded;',
          'with a note or shape, the display name of whoever made it (the name you chose);',
          'votes, without names: tied to a random code only your browser knows;',
          'three access codes per board (only as an unreadable hash) and when the board was last opened.',
        ],
      },
      {
        heading: 'What is not stored',
        paragraphs: [
          'Your name and colour are otherwise kept only in your own browser; who is present is shared live and not stored. The access code in the link sits after the # sign, so it never ends up in log files.',
        ],
      },
      {
        heading: 'For how long',
        paragraphs: ['Until the facilitator deletes the board; then everything stored about it is removed. The administrator can have boards that nobody opened for a while deleted automatically.'],
      },
    ],
  },
}
