"""Text patterns of page furniture, shared by plain-text input and the HTML furniture stage.

Each predicate looks at one short piece of text (a block, a line, a link text) and says what kind
of furniture it is: a notice (copyright, correction, update note), boilerplate (cookie text, share
buttons, comment counts, newsletter prompts), a rail heading ("More from AP", "Most read"), an
image caption lead-in ("Photo: …"), a provider/agency name. They are language-aware for English,
German, French, Spanish, Italian and Portuguese, the languages of the sites we model.

Pure; compiled patterns are module constants (immutable), never mutable state.
"""

from __future__ import annotations

import re

# Furniture is short: a notice, a cookie line, a share prompt fits in a few hundred characters.
# Longer blocks are prose even when they mention "cookies" or "copyright", and checking only short
# blocks bounds the regex cost on a 5 MB one-line input. Notices may be a paragraph long (AP's
# copyright line is ~150 characters; a correction ~400), hence the larger limit there.
MAX_BOILERPLATE_CHARS = 300
MAX_NOTICE_CHARS = 700

# Share rows: at most this many words, at least this share of them share-button words.
SHARE_ROW_MAX_WORDS = 10
SHARE_ROW_SHARE = 0.75
_SHARE_WORDS = frozenset(
    [
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "pinterest",
        "pin",
        "pint",
        "linkedin",
        "reddit",
        "email",
        "e",
        "mail",
        "print",
        "share",
        "tweet",
        "telegram",
        "messenger",
        "flipboard",
        "copy",
        "link",
        "sms",
        "tumblr",
        "xing",
        "threads",
        "bluesky",
        "mastodon",
        "compartir",
        "partager",
        "teilen",
        "drucken",
        "imprimer",
        "stampa",
        "condividi",
        "compartilhar",
        "baixar",
        "download",
        "save",
        "on",
        "via",
    ]
)

# A copyright line: one that opens with the sign or the word, or one with a rights phrase
# anywhere. The two halves are separate patterns: the opening is a cheap anchored match, and the
# phrase search (a case-blind scan of the whole text, the costliest test of the notice stage)
# only runs on text holding one of the phrases' words (_RIGHTS_HINT, on lower-cased text).
_COPYRIGHT_START = re.compile(r"\s*(?:copyright\b|©|\(c\)\s*\d{4}|℗)", re.IGNORECASE)
_RIGHTS_PHRASE = re.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|"
    r"may not be published, broadcast, rewritten|"
    r"darf nicht (?:veröffentlicht|verbreitet)",
    re.IGNORECASE,
)
# One word of each _RIGHTS_PHRASE alternative, lower-case (a literal alternation: the engine
# skips to candidate letters, where a case-blind pattern tries every position).
_RIGHTS_HINT = re.compile("rights|rechte|droits|derechos|diritti|direitos|broadcast|darf")
# A case-blind match takes these for "i" and "s" while str.lower() does not ("İ" lowers to "i" +
# U+0307): a non-ASCII text holding one skips a prefilter, so that no prefilter changes an answer.
_FOLDS_TO_ASCII = re.compile("[\u0131\u017f\u0307]")


def _may_hold(hint: re.Pattern[str], text: str) -> bool:
    """Can a case-blind pattern whose every alternative holds one of ``hint``'s lower-case words
    match ``text``? False only when it surely cannot."""
    lowered = text.lower()
    if hint.search(lowered) is not None:
        return True
    return not lowered.isascii() and _FOLDS_TO_ASCII.search(lowered) is not None


# A "©" line of at most this many words, with no year and no "rights", credits a picture.
PHOTO_CREDIT_MAX_WORDS = 5
_RIGHTS = re.compile(
    r"rights|rechte|droits|derechos|diritti|direitos|riproduzione|reproduction", re.IGNORECASE
)
_CORRECTION = re.compile(
    r"^\s*(?:corrections?|clarifications?|editor['’]s note|korrektur|richtigstellung|"
    r"anmerkung der redaktion|rectificatif|correctif|note de la rédaction|fe de erratas|"
    r"fe de errores|corrección|aclaración|nota del editor|rettifica|errata corrige|"
    r"nota della redazione|correção|errata|nota do editor)\s*[:.—–-]",
    re.IGNORECASE,
)
_UPDATE = re.compile(
    r"^\s*(?:(?:this|the) (?:story|article|report|post|piece) (?:has been|was|is being|will be) "
    r"(?:updated|corrected|amended|revised)|"
    r"an earlier version of this (?:story|article|report|post)|"
    r"updates? (?:with|to)\b|update\s*[:—–-]|"
    r"(?:dieser|der) (?:artikel|beitrag|text) wurde (?:aktualisiert|korrigiert|ergänzt)|"
    r"in einer früheren version|"
    r"cet article a été (?:mis à jour|corrigé|modifié)|une précédente version de cet article|"
    r"este (?:artículo|texto) (?:ha sido|fue) (?:actualizado|corregido)|"
    r"una versión anterior de (?:este|esta)|"
    r"questo articolo è stato (?:aggiornato|corretto)|"
    r"este (?:artigo|texto) foi (?:atualizado|corrigido)|notícia atualizada)",
    re.IGNORECASE,
)

# Boilerplate: whole short lines (anchored, tested with match) ...
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:share|teilen|partager|compartir|condividi|compartilhar)\b(?: (?:this|on|via|the|"
    r"article|story|artikel|cet article|en|su|no))*\s*[:!]?\s*$|"
    r"^\s*click to (?:share|email|print)\b|"
    r"^\s*(?:share|tweet|email|e-mail|print|copy link|facebook|twitter|x|linkedin|whatsapp|"
    r"reddit|pinterest|flipboard|telegram|messenger|mail|drucken|imprimer|imprimir|stampa)"
    r"(?:\s*[|/·•,]\s*\w+)*\s*$|"
    r"^\s*(?:advertisement|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|"
    r"sponsored|promoted|ad)\s*$|"
    r"^\s*(?:the )?(?:story|article|text|content) continues (?:below|after)\b.{0,30}$|"
    r"^\s*weiterlesen nach der anzeige\s*$|^\s*la suite (?:après|sous) (?:cette )?publicité\s*$|"
    r"^\s*(?:scroll )?(?:back )?to top\s*$|"
    r"^\s*(?:skip to (?:main )?content|zum inhalt springen|aller au contenu|ir al contenido|"
    r"back to top|nach oben|menu|menü|search|suche|rechercher|buscar|cerca|pesquisar|log ?in|"
    r"sign ?in|sign up|subscribe|abonnieren|s['’]abonner|suscríbete|abbonati|assine|"
    r"register|close|schließen|fermer|cerrar|chiudi|fechar|accept(?: all)?|akzeptieren|"
    r"accepter|aceptar|accetta|aceitar|ok|got it)\s*[.!]?\s*$|"
    r"^\s*\d+\s*(?:comments?|kommentare?|commentaires?|comentarios?|commenti|comentários?|"
    r"replies|responses|shares)\s*$|"
    r"^\s*(?:comments?|kommentare|commentaires|comentarios|commenti|comentários)\s*"
    r"(?:\(\d+\))?\s*$|"
    r"^\s*(?:mehr|weiterlesen|"
    r"lire la suite|leer más|leggi (?:tutto|di più)|leia mais|continue reading)\b.{0,20}$|"
    r"^\s*leave a (?:reply|comment)\b|"
    r"^\s*(?:kommentar schreiben|laisser un "
    r"commentaire|deja un comentario|lascia un commento|deixe um comentário)\b|"
    r"^\s*(?:about us|contact us|impressum|datenschutz|mentions légales|aviso legal|"
    r"careers|jobs|advertise with us|site ?map|help|faq)\s*$",
    re.IGNORECASE,
)
# ... and phrases anywhere in the text (searched only when _BOILERPLATE_HINT finds one of their
# words in the lower-cased text: the case-blind search tries every position).
_BOILERPLATE_PHRASE = re.compile(
    r"\bcookies?\b|\bprivacy (?:policy|settings|notice)\b|\bterms (?:of|and) (?:use|service)\b|"
    r"\bsign up for (?:our|the)\b|\bnewsletter\b|\bsubscribe (?:to|now|today)\b|"
    r"\bfollow us\b|\bfolgen sie uns\b|\bsuivez-nous\b|\bsíguenos\b|\bseguici\b|\bsiga-nos\b|"
    r"\b(?:read|see) (?:more|the full story|full article)\s*$|"
    r"\bjavascript\b.{0,40}\b(?:enable|disabled|aktivieren)|"
    r"\b(?:download|get) (?:our|the) app\b|"
    r"your email address will not be published|"
    r"\ball rights reserved\b",
    re.IGNORECASE,
)
_BOILERPLATE_HINT = re.compile(
    "cookie|privacy|terms|sign up|newsletter|subscribe|follow|folgen|suivez|síguenos|seguici|"
    "siga|more|full|javascript| app|email|rights"
)

# Comment sections: their headings and the header line of each comment. A comment section ends
# the article; its prose is readers', not the publisher's.
_COMMENTS = re.compile(
    r"^\s*(?:\[?\s*\d+\s*(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"commenti|comentários?)\s*\]?|(?:\d+\s+)?(?:responses?|replies|comments?) (?:to|on) .{1,160}|"
    r"(?:top rated|latest|reader|readers['’]) comments?(?: \(\d+\))?|"
    r"join the (?:discussion|conversation)|leave a (?:reply|comment)|post a comment|"
    r"add (?:a|your) comment|leserkommentare|"
    # author boxes end the article as comments do
    r"about (?:the )?author|about [A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}|über den autor|"
    r"über (?:die )?autorin|über [A-ZÄÖÜ][\w'’.\-]+(?: [A-ZÄÖÜ][\w'’.\-]+){1,3}|"
    r"à propos de l['’]auteur|sobre o autor|sobre a autora|sobre el autor|sobre la autora|"
    r"sull['’]autore|sobre [A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3})\s*[:.]?\s*$|"
    # comment forms (WordPress and the like)
    r"your email address will not be published|ihre e-mail-adresse wird nicht veröffentlicht|"
    r"votre adresse (?:e-mail|de messagerie) ne sera pas publiée|"
    r"tu dirección de correo electrónico no será publicada|"
    r"il tuo indirizzo email non sarà pubblicato|"
    r"o seu endereço de e-mail não será publicado|"
    r"^.{1,80}\b(?:says|said|schreibt|écrit|dice|escribió|disse)\s*:\s*$",
    re.IGNORECASE,
)

# Rail headings: the title of a related-stories rail. Numbers are allowed ("Top 10").
_RAIL_HEADING = re.compile(
    r"^\s*(?:related(?: (?:stories|articles|coverage|news|content|posts|topics))?|"
    r"more (?:from|on|in|about|stories|news|coverage|to read|top stories)\b.{0,40}|"
    r"more (?:[\w&'’.\-]+ ){0,2}[\w&'’.\-]+|"
    r"(?:most|top) (?:read|popular|viewed|shared|emailed|commented)(?: (?:stories|articles|"
    r"now|today|this week))?|popular(?: now| stories| articles)?|trending(?: now| stories)?|"
    r"recommended(?: for you| stories| reading| articles)?|you (?:may|might) (?:also )?like|"
    r"read (?:more|next|also)|also read|see also|what to read next|latest(?: news| stories)?|"
    r"top stories|editor['’]s picks|in other news|"
    r"(?:das )?könnte sie (?:auch )?interessieren|mehr zum thema|lesen sie auch|"
    r"meistgelesen(?:e)?(?: artikel)?|am meisten gelesen|empfehlungen|weitere artikel|"
    r"das könnte sie auch interessieren|neueste artikel|"
    r"à lire (?:aussi|également)|lire aussi|les plus lus|sur le même sujet|"
    r"nos recommandations|dans la même rubrique|"
    r"te puede interesar|lo más leído|más leíd[oa]s|noticias relacionadas|"
    r"relacionad[oa]s|también te puede interesar|"
    r"leggi anche|i più letti|più lett[ei]|articoli correlati|potrebbe interessarti|"
    r"leia também|mais lidas|mais lidos|relacionadas|veja também|"
    r"você (?:também )?pode gostar|vous aimerez (?:aussi|également)|à découvrir aussi|"
    r"(?:también )?te puede gustar|ti potrebbe (?:anche )?piacere|potrebbe piacerti|"
    r"das könnte ihnen (?:auch )?gefallen|auch interessant)"
    r"\s*[:.!…]*\s*$",
    re.IGNORECASE,
)

_CAPTION_LEAD = re.compile(
    r"^\s*(?:photo|image|picture|pictured|foto|bild|fotografía|immagine|imagem|illustration|"
    r"video|caption|graphic)\s*[:|—–-]\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)


def is_copyright(text: str) -> bool:
    return len(text) <= MAX_NOTICE_CHARS and _is_copyright(text)


def _is_copyright(text: str) -> bool:
    if _COPYRIGHT_START.match(text) is not None:
        return True
    return _may_hold(_RIGHTS_HINT, text) and _RIGHTS_PHRASE.search(text) is not None


def is_photo_credit(text: str) -> bool:
    """ "© REUTERS / POOL", "© Aaron Schwartz": shaped like a picture's credit. Only context
    tells it from a short site copyright ("© Le Monde"): a figure around it, or its place inside
    the body text; callers decide with that context."""
    words = re.findall(r"[^\W_]+", text)
    if not text.lstrip().startswith(("©", "(c)", "(C)")) or len(words) > PHOTO_CREDIT_MAX_WORDS:
        return False
    return not _RIGHTS.search(text) and not re.search(r"\b(?:19|20)\d{2}\b", text)


def is_notice(text: str) -> bool:
    """Copyright lines, corrections and update notes: furniture that readers should see as data."""
    if len(text) > MAX_NOTICE_CHARS:
        return False
    return bool(_is_copyright(text) or _CORRECTION.match(text) or _UPDATE.match(text))


def is_boilerplate(text: str) -> bool:
    """Cookie text, share rows, menus' fixed words, comment counts, newsletter prompts."""
    if len(text) > MAX_BOILERPLATE_CHARS:
        return False
    if _BOILERPLATE_LINE.match(text) is not None:
        return True
    if _may_hold(_BOILERPLATE_HINT, text) and _BOILERPLATE_PHRASE.search(text) is not None:
        return True
    return _is_share_row(text)


def _is_share_row(text: str) -> bool:
    """A row of share buttons printed as words: "Whatsapp Facebook Pint Baixar"."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not 2 <= len(words) <= SHARE_ROW_MAX_WORDS:
        return False
    return sum(w in _SHARE_WORDS for w in words) >= SHARE_ROW_SHARE * len(words)


def is_comments_marker(text: str) -> bool:
    """A comment section's heading ("34 responses to …", "Comments") or a comment's header line
    ("Jane on May 3, 2019 at 4:47 pm said:", "Reply")."""
    return len(text) <= MAX_BOILERPLATE_CHARS and _COMMENTS.match(text) is not None


# An inline pointer to another story inside a body: "Read more: <headline>", "À lire aussi :
# <headline>", "Lesen Sie auch: <headline>". The words before the colon are a rail heading.
_INLINE_TEASER = re.compile(r"^\s*(?P<lead>[^:：]{3,40}?)\s*[:：]\s*(?P<title>\S.{8,200})$")


def inline_teaser(text: str) -> str | None:
    """The headline of an inline "Read more: …" line, else ``None``."""
    if len(text) > 260:
        return None
    match = _INLINE_TEASER.match(text)
    if match is None or not is_rail_heading(match.group("lead")):
        return None
    title = match.group("title").strip()
    return None if title.endswith(".") and title.count(" ") > 20 else title


def is_rail_heading(text: str) -> bool:
    return len(text) <= 80 and _RAIL_HEADING.match(text) is not None


def caption_text(text: str) -> str | None:
    """The caption of a "Photo: …" / "Image: …" block, without the lead-in; ``None`` otherwise."""
    match = _CAPTION_LEAD.match(text)
    return match.group("rest").strip() if match else None
