"""Function words of Latin-script languages, written for :mod:`copydesk.enrich.language`.

Each list holds the words that make up a third to a half of running news prose in that language:
articles, pronouns, prepositions, conjunctions, auxiliaries, negation and a few very frequent
adverbs. The lists were written for this project from knowledge of the languages, not taken from a
corpus or another project. Elided forms are listed as the tokenizer leaves them: "l'homme" reads as
"l" + "homme", "dell'anno" as "dell" + "anno", "'n" as "n", and English clitics ("Parise's",
"isn't", "we'll") as "s", "t", "ll".

Only the languages in ``CONFIRMABLE`` can be confirmed; the others are there as competitors, so that
a text in a close neighbour (Catalan or Galician for Spanish, Afrikaans for Dutch, Danish for
German) is never taken for the language its page declares. A word may sit in several lists; the
check counts, against each competitor, only the words the two lists do not share.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# The languages whose declaration a text can confirm (BCP 47 primary subtags). Each has its close
# neighbours among the competitor lists below.
CONFIRMABLE: Final = frozenset({"en", "de", "fr", "es", "it", "pt", "nl"})

_LISTS: Final = {
    "en": """
        the a an and or but nor not no of to in on at by for from with without into onto about
        over under after before between through during against among is are was were be been
        being am has have had do does did will would can could should shall may might must it its
        this that these those which who whom whose what when where while he him his she her hers
        they them their we us our you your i me my there than then so also as if said says just
        only more most other such up out very s t ll re ve d m
    """,
    "de": """
        der die das den dem des ein eine einer einem einen eines und oder aber sondern auch nicht
        kein keine keinen ist sind war waren wird werden wurde wurden worden hat haben hatte
        hatten sein seine seiner seinen ihre ihren ihrem ich du er sie es wir ihr sich mit von zu
        zum zur auf für im in an am aus bei beim nach vor über unter durch gegen ohne um bis seit
        als wie wenn dass weil ob so noch nur schon mehr sehr wieder diese dieser dieses diesen
        man was wer wo hier dann denn doch einem laut sowie soll sollen kann können
    """,
    "nl": """
        de het een en of maar van in op te ten ter aan uit door over naar bij met voor om tot
        tegen onder na zonder tussen is zijn was waren wordt worden werd werden heeft hebben had
        hadden zal zullen zou zouden kan kunnen moet niet geen ook nog al wel dan er dat die deze
        dit wat wie waar hoe ik je jij hij zij ze we wij ons onze hun haar hem men als zich
        volgens meer
    """,
    "fr": """
        le la les l un une des du de d au aux et ou mais ni ne n pas plus est sont était étaient
        été être a ont avait avaient avoir sera seront fait il elle ils elles on nous vous je j se
        s qui que qu dont ce c cette ces cet son sa ses leur leurs lui y en dans par pour sur avec
        sans sous entre après avant selon comme aussi très tout tous toute toutes depuis chez
        où déjà encore
    """,
    "es": """
        el la los las lo un una unos unas de del al a en y e o u ni que se su sus es son fue
        fueron era ser está están estaba ha han había hay por para con sin sobre entre hasta
        desde tras según como más muy también pero no le les este esta estos estas ese esa eso
        esto él ella ellos ellas nos yo cuando donde porque ya aunque sido todo todos
    """,
    "pt": """
        o a os as um uma uns umas de do da dos das em no na nos nas ao aos à às pelo pela pelos
        pelas e ou mas nem que se não é são foi foram era ser estar está estão tem têm há por
        para com sem sobre entre até desde após segundo como mais muito também já quando onde
        porque este esta isto isso esse essa ele ela eles elas lhe lhes seu sua seus suas
    """,
    "it": """
        il lo la i gli le l un uno una di del dello della dei degli delle dell da dal dalla dai
        dalle dall in nel nello nella nei nelle nell a al allo alla ai alle all su sul sulla
        sull con per tra fra e ed o ma che non è sono era erano stato stata essere ha hanno
        aveva si ci come anche più se questo questa questi quello quella suo sua suoi sue loro
        lui lei dopo già ancora
    """,
    # Competitors of Spanish and Portuguese.
    "ca": """
        el la els les l un una uns unes de d del dels al als a en i o ni però no és són era
        eren va van ha han havia ser estar amb per que qui què com més molt també seu seva seus
        seves aquest aquesta aquests aquestes això ell ella ells elles hi ho li es se s sobre
        fins entre després perquè on quan tot tots encara
    """,
    "gl": """
        o a os as un unha uns unhas de do da dos das en no na nos nas ao á aos ás e ou que se
        non é son foi foron era ser estar está están ten teñen por para con sen sobre entre ata
        dende desde como máis moi tamén pero xa cando onde porque segundo este esta isto iso ese
        esa el ela eles elas lle lles polo pola polos seu súa seus súas
    """,
    "ast": """
        el la los les lo un una unos unes de d del al a en nel na nos y o que qu se so sos ye
        son yera foi tien tienen por pa col cola con ensin sobre ente hasta dende como más mui
        tamién pero non yá cuando onde porque esti esta esto eso él ella ellos
    """,
    "oc": """
        lo la los las lei leis un una de d del dels al als e o que qu se s es son èra an a per
        amb dins sus coma mai mas pas li i aquò aquel aquela tanben tot totes quand ont
    """,
    # Interlingua is built from Romance words: without its list, a short head in another language
    # followed by Interlingua read as Spanish to a page declaring nothing (fastText is unsure).
    "ia": """
        le un una del al de a in con sin per pro super sub inter post ante durante contra e o ma
        sed que qui cuje como si quando ubi proque es esseva esserea ha habeva habera sera pote
        non anque etiam jam plus multo tote iste isto ille illa illes io tu nos vos su lor les
        se lo
    """,
    "eo": """
        la de kaj en al el por kun pri post antaŭ inter sur sub dum ĉe estas estis estos ne ke
        li ŝi ĝi ili mi vi ni oni tiu tiuj kiu kiuj kio sed aŭ ankaŭ nur tre jam pli ol
    """,
    # Competitors of Dutch, German and English.
    "af": """
        die n en van in is het op te aan uit deur oor na by met vir om tot teen onder sonder was
        word is sal kan moet nie geen ook nog al wel dan daar dat hierdie dit wat wie waar hoe ek
        jy hy sy ons hulle hul haar hom as volgens meer gesê sê
    """,
    "fy": """
        de it in en fan op te oan út troch oer nei by mei foar om ta tsjin ûnder sûnder is wie
        wiene binne wurdt wurde waard hat hawwe hie sil soe kin moat net gjin ek noch al dan der
        dat dy dizze dit wat wa wêr hoe ik do hy hja sy se wy jo har harren him as neffens mear
    """,
    "lb": """
        an de den d dat déi der dem en eng engem enger vun mat fir op ass sinn war waren huet
        hunn hat gëtt ginn gouf net och awer wéi wann well datt hien si mir ech du am um zu no
        bei iwwer ënner duerch géint nach schonn méi vill ze
    """,
    "da": """
        og i at det en den til er som på de med af for ikke der var har havde han hun vil kan
        skal blev bliver være været om et efter også men fra sig over hans hendes deres vi jeg du
        man sin sit sine når hvor hvad hvis kun meget mod under ved
    """,
    "no": """
        og i at det en den til er som på de med av for ikke der var har hadde han hun vil kan
        skal ble blir være vært om et etter også men fra seg over hans hennes deres vi jeg du man
        sin sitt sine når hvor hva hvis bare mye mot under ved ikkje eg ho dei frå
    """,
    "sv": """
        och i att det en den till är som på de med av för inte där var har hade han hon vill kan
        ska skulle blev blir vara varit om ett efter också men från sig över hans hennes deras vi
        jag du man sin sitt sina när vad bara mycket mot under vid
    """,
    # Further Latin-script competitors, so that their texts never pass for a listed language.
    "ro": """
        și şi în de la cu pe din pentru care este sunt a au fost un o unui unei al ale ai lui nu
        se să că mai dar sau ce cel cea cei după despre acest această fi va ar iar
    """,
    "pl": """
        i w z ze na do nie się że to jest jak o od po za przez dla ale lub oraz czy który która
        które ten ta te tym tego jego jej ich jako już tylko także również był była było były są
        będzie może przy przed pod nad bez
    """,
    "cs": """
        a v ve z ze na do se že to je jsou jak o od po za pro ale nebo který která které ten ta
        tím jeho její jejich jako již už jen také byl byla bylo byly bude může při před pod nad
        bez k s i
    """,
    "id": """
        yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau oleh
        sebagai karena bahwa ada mereka kami kita saya ia dia telah sudah para secara tersebut
        setelah saat lebih bisa dapat
    """,
    "tr": """
        ve bir bu da de ile için olarak olan daha çok gibi ama en şu o ne var yok ki mi değil
        sonra kadar göre ancak her ise tarafından
    """,
    "tl": """
        ang ng mga sa na at si ay ni kay para hindi ito iyon siya sila kami tayo ako ko mo niya
        nila lamang man kung may mayroon din rin pa ba
    """,
}

# The languages in a fixed order; a language's index in LANGUAGES is its number in WORD_LANGUAGES.
LANGUAGES: Final = tuple(_LISTS)


def _table() -> dict[str, tuple[int, ...]]:
    table: dict[str, list[int]] = {}
    for index, language in enumerate(LANGUAGES):
        for word in dict.fromkeys(_LISTS[language].split()):  # a word listed twice counts once
            table.setdefault(word, []).append(index)
    return {word: tuple(indices) for word, indices in table.items()}


# Every listed word → the numbers of the languages that list it (read-only).
WORD_LANGUAGES: Final = MappingProxyType(_table())
