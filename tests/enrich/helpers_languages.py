"""The same short news story written for these tests in many languages (no data-set text): the
function-word check must confirm each of the listed languages and never take one for another.
The last 17 are Latin-script languages with no word list at all (nor among the competitors):
no declaration may confirm them, and with no declaration the words must never answer them."""

from __future__ import annotations

STORY = {
    "en": (
        "The city council voted on Tuesday to close two of the four public libraries in the "
        "northern districts by the end of the year, a decision that drew angry protests from "
        "residents who had packed the chamber. The mayor said the closures were the only way to "
        "balance a budget that has been hit by falling tax revenue and rising energy costs. "
        "Opposition members argued that the savings would be small and that the libraries were "
        "used every day by children, pensioners and people looking for work. A final vote on the "
        "budget is expected in March."
    ),
    "de": (
        "Der Stadtrat hat am Dienstag beschlossen, zwei der vier öffentlichen Bibliotheken in den "
        "nördlichen Bezirken bis zum Ende des Jahres zu schließen. Die Entscheidung löste heftige "
        "Proteste von Anwohnern aus, die den Sitzungssaal gefüllt hatten. Der Bürgermeister "
        "sagte, die Schließungen seien der einzige Weg, um einen Haushalt auszugleichen, der "
        "unter sinkenden Steuereinnahmen und steigenden Energiekosten leidet. Die Opposition "
        "hielt dagegen, dass die Einsparungen gering seien und die Bibliotheken jeden Tag von "
        "Kindern, Rentnern und Arbeitsuchenden genutzt würden. Eine endgültige Abstimmung über "
        "den Haushalt wird im März erwartet."
    ),
    "fr": (
        "Le conseil municipal a voté mardi la fermeture de deux des quatre bibliothèques "
        "publiques des quartiers nord d'ici la fin de l'année, une décision qui a provoqué la "
        "colère des habitants venus en nombre dans la salle. Le maire a affirmé que ces "
        "fermetures étaient le seul moyen d'équilibrer un budget frappé par la baisse des "
        "recettes fiscales et la hausse des coûts de l'énergie. Les élus de l'opposition ont "
        "répondu que les économies seraient faibles et que les bibliothèques sont utilisées "
        "chaque jour par des enfants, des retraités et des personnes à la recherche d'un emploi. "
        "Un vote final sur le budget est attendu en mars."
    ),
    "es": (
        "El ayuntamiento aprobó el martes el cierre de dos de las cuatro bibliotecas públicas de "
        "los barrios del norte antes de que termine el año, una decisión que provocó las "
        "protestas de los vecinos que llenaron la sala de plenos. El alcalde dijo que los cierres "
        "eran la única manera de equilibrar un presupuesto golpeado por la caída de la "
        "recaudación y por el aumento de los costes de la energía. Los concejales de la oposición "
        "respondieron que el ahorro sería pequeño y que las bibliotecas son utilizadas cada día "
        "por niños, jubilados y personas que buscan trabajo. La votación final del presupuesto se "
        "espera para marzo."
    ),
    "pt": (
        "A câmara municipal aprovou na terça-feira o encerramento de duas das quatro bibliotecas "
        "públicas dos bairros do norte até ao final do ano, uma decisão que provocou protestos "
        "dos moradores que encheram a sala. O presidente da câmara disse que os encerramentos "
        "eram a única forma de equilibrar um orçamento atingido pela queda das receitas fiscais "
        "e pelo aumento dos custos da energia. Os vereadores da oposição responderam que a "
        "poupança seria pequena e que as bibliotecas são usadas todos os dias por crianças, "
        "reformados e pessoas que procuram emprego. A votação final do orçamento está prevista "
        "para março."
    ),
    "it": (
        "Il consiglio comunale ha approvato martedì la chiusura di due delle quattro biblioteche "
        "pubbliche dei quartieri a nord entro la fine dell'anno, una decisione che ha provocato "
        "le proteste dei residenti che avevano riempito la sala. Il sindaco ha detto che le "
        "chiusure erano l'unico modo per far quadrare un bilancio colpito dal calo delle entrate "
        "fiscali e dall'aumento dei costi dell'energia. I consiglieri dell'opposizione hanno "
        "risposto che il risparmio sarebbe minimo e che le biblioteche sono usate ogni giorno da "
        "bambini, pensionati e persone in cerca di lavoro. Il voto finale sul bilancio è atteso "
        "per marzo."
    ),
    "nl": (
        "De gemeenteraad heeft dinsdag besloten om twee van de vier openbare bibliotheken in de "
        "noordelijke wijken voor het einde van het jaar te sluiten. Het besluit leidde tot boze "
        "protesten van bewoners die de raadszaal hadden gevuld. De burgemeester zei dat de "
        "sluitingen de enige manier waren om een begroting rond te krijgen die is getroffen door "
        "dalende belastinginkomsten en stijgende energiekosten. De oppositie wees erop dat de "
        "besparing klein zou zijn en dat de bibliotheken elke dag worden gebruikt door kinderen, "
        "gepensioneerden en mensen die werk zoeken. Een definitieve stemming over de begroting "
        "wordt in maart verwacht."
    ),
    "ca": (
        "L'ajuntament va aprovar dimarts el tancament de dues de les quatre biblioteques "
        "públiques dels barris del nord abans que acabi l'any, una decisió que va provocar les "
        "protestes dels veïns que van omplir la sala de plens. L'alcalde va dir que els "
        "tancaments eren l'única manera d'equilibrar un pressupost colpejat per la caiguda de la "
        "recaptació i per l'augment dels costos de l'energia. Els regidors de l'oposició van "
        "respondre que l'estalvi seria petit i que les biblioteques són utilitzades cada dia per "
        "infants, jubilats i persones que busquen feina. La votació final del pressupost "
        "s'espera per al març."
    ),
    "gl": (
        "O concello aprobou o martes o peche de dúas das catro bibliotecas públicas dos barrios "
        "do norte antes de que remate o ano, unha decisión que provocou as protestas dos veciños "
        "que encheron a sala de plenos. O alcalde dixo que os peches eran a única maneira de "
        "equilibrar un orzamento golpeado pola caída da recadación e polo aumento dos custos da "
        "enerxía. Os concelleiros da oposición responderon que o aforro sería pequeno e que as "
        "bibliotecas son utilizadas cada día por nenos, xubilados e persoas que buscan traballo. "
        "A votación final do orzamento agárdase para marzo."
    ),
    "af": (
        "Die stadsraad het Dinsdag besluit om twee van die vier openbare biblioteke in die "
        "noordelike woonbuurte teen die einde van die jaar te sluit, 'n besluit wat kwaai "
        "betogings uitgelok het van inwoners wat die raadsaal gevul het. Die burgemeester het "
        "gesê die sluitings is die enigste manier om 'n begroting te laat klop wat deur dalende "
        "belastinginkomste en stygende energiekoste getref is. Lede van die opposisie het "
        "geantwoord dat die besparing klein sal wees en dat die biblioteke elke dag deur kinders, "
        "pensioenarisse en mense wat werk soek, gebruik word. 'n Finale stemming oor die "
        "begroting word in Maart verwag."
    ),
    "da": (
        "Byrådet besluttede tirsdag at lukke to af de fire offentlige biblioteker i de nordlige "
        "bydele inden årets udgang, en beslutning der udløste vrede protester fra borgere, som "
        "havde fyldt salen. Borgmesteren sagde, at lukningerne var den eneste måde at få et "
        "budget til at hænge sammen på, efter at skatteindtægterne er faldet og energipriserne "
        "er steget. Oppositionen svarede, at besparelsen vil være lille, og at bibliotekerne "
        "hver dag bliver brugt af børn, pensionister og folk, der søger arbejde. Den endelige "
        "afstemning om budgettet ventes i marts."
    ),
    "no": (
        "Bystyret vedtok tirsdag å legge ned to av de fire offentlige bibliotekene i de nordlige "
        "bydelene innen utgangen av året, en beslutning som førte til sinte protester fra "
        "innbyggere som hadde fylt salen. Ordføreren sa at nedleggelsene var den eneste måten å "
        "få budsjettet til å gå opp på, etter at skatteinntektene har falt og energiprisene har "
        "steget. Opposisjonen svarte at innsparingen vil være liten, og at bibliotekene hver dag "
        "blir brukt av barn, pensjonister og folk som søker arbeid. Den endelige avstemningen om "
        "budsjettet ventes i mars."
    ),
    "sv": (
        "Kommunfullmäktige beslutade på tisdagen att stänga två av de fyra offentliga biblioteken "
        "i de norra stadsdelarna före årets slut, ett beslut som väckte arga protester från "
        "invånare som hade fyllt salen. Kommunstyrelsens ordförande sa att nedläggningarna var "
        "det enda sättet att få budgeten att gå ihop, sedan skatteintäkterna har minskat och "
        "energipriserna har stigit. Oppositionen svarade att besparingen blir liten och att "
        "biblioteken varje dag används av barn, pensionärer och människor som söker arbete. Den "
        "slutliga omröstningen om budgeten väntas i mars."
    ),
    "lb": (
        "De Gemengerot huet en Dënschdeg decidéiert, zwou vun de véier ëffentleche "
        "Bibliothéiken an den nërdleche Quartiere bis Enn vum Joer zouzemaachen. D'Decisioun "
        "huet zu rosen Protester vun Awunner gefouert, déi de Sall gefëllt haten. De "
        "Buergermeeschter sot, datt d'Zoumaache deen eenzege Wee wier, fir de Budget an "
        "d'Gläichgewiicht ze bréngen, well d'Steierrecetten erofgaange sinn an d'Energiepräisser "
        "geklommen sinn. D'Oppositioun huet geäntwert, datt d'Spueren kleng wier an datt "
        "d'Bibliothéiken all Dag vu Kanner, Pensionären a Leit benotzt ginn, déi eng Aarbecht "
        "sichen."
    ),
    "ro": (
        "Consiliul local a votat marți închiderea a două dintre cele patru biblioteci publice din "
        "cartierele de nord până la sfârșitul anului, o decizie care a provocat protestele "
        "locuitorilor care umpluseră sala. Primarul a spus că închiderile sunt singura cale de a "
        "echilibra un buget lovit de scăderea veniturilor din taxe și de creșterea costurilor cu "
        "energia. Consilierii din opoziție au răspuns că economiile vor fi mici și că "
        "bibliotecile sunt folosite în fiecare zi de copii, pensionari și oameni care își caută "
        "de lucru."
    ),
    "pl": (
        "Rada miasta zdecydowała we wtorek o zamknięciu do końca roku dwóch z czterech bibliotek "
        "publicznych w północnych dzielnicach, co wywołało gniewne protesty mieszkańców, którzy "
        "wypełnili salę obrad. Burmistrz powiedział, że zamknięcie to jedyny sposób na "
        "zrównoważenie budżetu, który ucierpiał z powodu spadku wpływów z podatków i wzrostu "
        "kosztów energii. Radni opozycji odpowiedzieli, że oszczędności będą niewielkie, a z "
        "bibliotek codziennie korzystają dzieci, emeryci i osoby szukające pracy."
    ),
    "cs": (
        "Městské zastupitelstvo v úterý rozhodlo, že do konce roku zavře dvě ze čtyř veřejných "
        "knihoven v severních čtvrtích, což vyvolalo rozzlobené protesty obyvatel, kteří "
        "zaplnili sál. Starosta řekl, že uzavření je jediný způsob, jak vyrovnat rozpočet "
        "zasažený poklesem daňových příjmů a růstem cen energií. Opoziční zastupitelé "
        "odpověděli, že úspory budou malé a že knihovny každý den využívají děti, důchodci a "
        "lidé, kteří hledají práci."
    ),
    "id": (
        "Dewan kota pada hari Selasa memutuskan untuk menutup dua dari empat perpustakaan umum di "
        "kawasan utara sebelum akhir tahun, sebuah keputusan yang memicu protes keras dari warga "
        "yang memenuhi ruang sidang. Wali kota mengatakan bahwa penutupan itu adalah satu-satunya "
        "cara untuk menyeimbangkan anggaran yang terpukul oleh turunnya penerimaan pajak dan "
        "naiknya biaya energi. Anggota oposisi menjawab bahwa penghematan itu akan kecil dan "
        "bahwa perpustakaan tersebut digunakan setiap hari oleh anak-anak, pensiunan dan orang "
        "yang sedang mencari pekerjaan."
    ),
    "tr": (
        "Belediye meclisi salı günü kuzey mahallelerindeki dört halk kütüphanesinden ikisinin "
        "yıl sonuna kadar kapatılmasına karar verdi ve bu karar salonu dolduran mahalle "
        "sakinlerinin öfkeli protestolarına yol açtı. Belediye başkanı, kapatmaların vergi "
        "gelirlerindeki düşüş ve enerji maliyetlerindeki artış nedeniyle sarsılan bütçeyi "
        "dengelemenin tek yolu olduğunu söyledi. Muhalefet üyeleri ise tasarrufun çok küçük "
        "olacağını ve kütüphanelerin her gün çocuklar, emekliler ve iş arayan insanlar "
        "tarafından kullanıldığını belirtti."
    ),
    "ko": (
        "시의회는 화요일 북부 지역에 있는 공공도서관 네 곳 가운데 두 곳을 연말까지 폐쇄하기로 "
        "결정했다. 이 결정에 회의장을 가득 메운 주민들이 거세게 항의했다. 시장은 세수 감소와 "
        "에너지 비용 상승으로 타격을 입은 예산의 균형을 맞추려면 폐쇄가 유일한 방법이라고 "
        "말했다. 야당 의원들은 절감 효과가 작고 도서관은 매일 어린이와 연금 생활자, 일자리를 "
        "찾는 사람들이 이용한다고 반박했다. 예산에 대한 최종 표결은 3월에 있을 예정이다."
    ),
    "ja": (
        "市議会は火曜日、北部地区にある四つの公立図書館のうち二つを年末までに閉鎖することを"
        "決めた。会場を埋めた住民からは怒りの声が上がった。市長は、税収の減少とエネルギー価格の"
        "上昇で打撃を受けた予算の均衡を取るには、閉鎖が唯一の方法だと述べた。野党の議員は、"
        "節約の効果は小さく、図書館は子どもや年金生活者、仕事を探す人たちが毎日利用していると"
        "反論した。予算の最終的な採決は三月に行われる見通しだ。"
    ),
    "zh": (
        "市议会周二决定在年底前关闭北部地区四座公共图书馆中的两座，这一决定引发了挤满会场的"
        "居民的强烈抗议。市长说，由于税收减少和能源成本上升，关闭图书馆是平衡预算的唯一办法。"
        "反对派议员则表示，节省的费用很少，而且儿童、退休人员和求职者每天都在使用这些图书馆。"
        "预算的最终表决预计将在三月进行。"
    ),
    "el": (
        "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει δύο από τις τέσσερις δημόσιες "
        "βιβλιοθήκες των βόρειων συνοικιών έως το τέλος του έτους, απόφαση που προκάλεσε έντονες "
        "διαμαρτυρίες των κατοίκων που είχαν γεμίσει την αίθουσα. Ο δήμαρχος είπε ότι το κλείσιμο "
        "ήταν ο μόνος τρόπος για να ισοσκελιστεί ένας προϋπολογισμός που έχει πληγεί από τη μείωση "
        "των φορολογικών εσόδων και την αύξηση του κόστους της ενέργειας."
    ),
    "ru": (
        "Городской совет во вторник решил закрыть до конца года две из четырёх публичных библиотек "
        "в северных районах, что вызвало гневные протесты жителей, заполнивших зал. Мэр заявил, "
        "что закрытие — единственный способ сбалансировать бюджет, пострадавший от падения "
        "налоговых поступлений и роста цен на энергию. Депутаты от оппозиции ответили, что "
        "экономия будет небольшой, а библиотеками каждый день пользуются дети и пенсионеры."
    ),
    # Latin-script languages with no list: never answered, never confirmed, whatever declared.
    "hu": (
        "A városi közgyűlés kedden úgy döntött, hogy az év végéig bezárja az északi kerületek "
        "négy közkönyvtára közül kettőt. A döntés heves tiltakozást váltott ki a lakók körében, "
        "akik megtöltötték az üléstermet. A polgármester szerint a bezárás az egyetlen módja "
        "annak, hogy egyensúlyba hozzák a költségvetést, amelyet a csökkenő adóbevételek és az "
        "emelkedő energiaárak sújtanak. Az ellenzék képviselői azt válaszolták, hogy a "
        "megtakarítás csekély lesz, és a könyvtárakat minden nap gyerekek, nyugdíjasok és munkát "
        "kereső emberek használják."
    ),
    "fi": (
        "Kaupunginvaltuusto päätti tiistaina sulkea kaksi pohjoisten kaupunginosien neljästä "
        "yleisestä kirjastosta vuoden loppuun mennessä. Päätös herätti vihaisia mielenosoituksia "
        "asukkaiden keskuudessa, jotka olivat täyttäneet valtuustosalin. Pormestari sanoi, että "
        "sulkeminen on ainoa tapa tasapainottaa talousarvio, jota verotulojen lasku ja energian "
        "hinnan nousu ovat koetelleet. Opposition edustajat vastasivat, että säästö jää pieneksi "
        "ja että kirjastoja käyttävät joka päivä lapset, eläkeläiset ja työtä etsivät ihmiset. "
        "Talousarviosta äänestetään lopullisesti maaliskuussa."
    ),
    "et": (
        "Linnavolikogu otsustas teisipäeval sulgeda aasta lõpuks kaks põhjapoolsete linnaosade "
        "neljast avalikust raamatukogust. Otsus tekitas vihaseid proteste elanike seas, kes olid "
        "saali täitnud. Linnapea ütles, et sulgemine on ainus viis tasakaalustada eelarvet, mida "
        "on tabanud maksutulude vähenemine ja energiahindade tõus. Opositsiooni liikmed "
        "vastasid, et kokkuhoid on väike ja et raamatukogusid kasutavad iga päev lapsed, "
        "pensionärid ja tööd otsivad inimesed. Lõplik hääletus eelarve üle on oodata märtsis."
    ),
    "vi": (
        "Hội đồng thành phố hôm thứ Ba đã quyết định đóng cửa hai trong số bốn thư viện công "
        "cộng ở các quận phía bắc trước cuối năm, một quyết định đã gây ra làn sóng phản đối "
        "giận dữ của người dân có mặt kín phòng họp. Thị trưởng nói rằng việc đóng cửa là cách "
        "duy nhất để cân bằng ngân sách đang bị ảnh hưởng bởi nguồn thu thuế giảm và chi phí "
        "năng lượng tăng. Các thành viên phe đối lập cho rằng khoản tiết kiệm sẽ rất nhỏ và các "
        "thư viện được trẻ em, người về hưu và những người tìm việc sử dụng mỗi ngày."
    ),
    "sw": (
        "Baraza la jiji liliamua siku ya Jumanne kufunga maktaba mbili kati ya nne za umma "
        "katika mitaa ya kaskazini kabla ya mwisho wa mwaka, uamuzi ambao ulisababisha "
        "maandamano ya hasira kutoka kwa wakazi waliojaza ukumbi. Meya alisema kwamba kufunga "
        "maktaba hizo ndiyo njia pekee ya kusawazisha bajeti iliyoathiriwa na kupungua kwa "
        "mapato ya kodi na kupanda kwa gharama za nishati. Wajumbe wa upinzani walijibu kwamba "
        "akiba hiyo itakuwa ndogo na kwamba maktaba hutumiwa kila siku na watoto, wastaafu na "
        "watu wanaotafuta kazi."
    ),
    "eu": (
        "Udalbatzak asteartean erabaki zuen iparraldeko auzoetako lau liburutegi publikoetatik "
        "bi ixtea urtea amaitu baino lehen, eta erabakiak haserre handiko protestak eragin "
        "zituen aretoa bete zuten bizilagunen artean. Alkateak esan zuen itxierak direla zerga "
        "bilketaren jaitsierak eta energiaren kostuen igoerak kolpatutako aurrekontua orekatzeko "
        "bide bakarra. Oposizioko zinegotziek erantzun zuten aurrezkia txikia izango dela eta "
        "liburutegiak egunero erabiltzen dituztela haurrek, erretiratuek eta lana bilatzen ari "
        "diren pertsonek."
    ),
    "sk": (
        "Mestské zastupiteľstvo v utorok rozhodlo, že do konca roka zatvorí dve zo štyroch "
        "verejných knižníc v severných štvrtiach, čo vyvolalo nahnevané protesty obyvateľov, "
        "ktorí zaplnili sálu. Primátor povedal, že zatvorenie je jediný spôsob, ako vyrovnať "
        "rozpočet zasiahnutý poklesom daňových príjmov a rastom cien energií. Opoziční poslanci "
        "odpovedali, že úspory budú malé a že knižnice každý deň využívajú deti, dôchodcovia a "
        "ľudia, ktorí hľadajú prácu. Konečné hlasovanie o rozpočte sa očakáva v marci."
    ),
    "hr": (
        "Gradsko vijeće u utorak je odlučilo do kraja godine zatvoriti dvije od četiri javne "
        "knjižnice u sjevernim četvrtima, što je izazvalo ljutite prosvjede stanovnika koji su "
        "ispunili dvoranu. Gradonačelnik je rekao da je zatvaranje jedini način da se uravnoteži "
        "proračun pogođen padom poreznih prihoda i rastom cijena energije. Oporbeni vijećnici "
        "odgovorili su da će ušteda biti mala i da knjižnice svaki dan koriste djeca, "
        "umirovljenici i ljudi koji traže posao. Konačno glasovanje o proračunu očekuje se u "
        "ožujku."
    ),
    "lt": (
        "Miesto taryba antradienį nusprendė iki metų pabaigos uždaryti dvi iš keturių viešųjų "
        "bibliotekų šiauriniuose rajonuose, o šis sprendimas sukėlė piktus gyventojų, "
        "užpildžiusių salę, protestus. Meras sakė, kad uždarymas yra vienintelis būdas "
        "subalansuoti biudžetą, kurį paveikė mažėjančios mokestinės pajamos ir kylančios "
        "energijos kainos. Opozicijos nariai atsakė, kad sutaupymai bus nedideli ir kad "
        "bibliotekomis kiekvieną dieną naudojasi vaikai, pensininkai ir darbo ieškantys žmonės."
    ),
    "lv": (
        "Pilsētas dome otrdien nolēma līdz gada beigām slēgt divas no četrām publiskajām "
        "bibliotēkām ziemeļu rajonos, un šis lēmums izraisīja dusmīgus iedzīvotāju protestus, "
        "kuri bija piepildījuši zāli. Mērs sacīja, ka slēgšana ir vienīgais veids, kā "
        "sabalansēt budžetu, ko ietekmējis nodokļu ieņēmumu kritums un enerģijas izmaksu "
        "pieaugums. Opozīcijas deputāti atbildēja, ka ietaupījums būs neliels un ka bibliotēkas "
        "katru dienu izmanto bērni, pensionāri un cilvēki, kas meklē darbu."
    ),
    "is": (
        "Borgarstjórn ákvað á þriðjudag að loka tveimur af fjórum almenningsbókasöfnum í "
        "norðurhverfunum fyrir árslok, en sú ákvörðun vakti reið mótmæli íbúa sem höfðu fyllt "
        "salinn. Borgarstjórinn sagði að lokanirnar væru eina leiðin til að ná endum saman í "
        "fjárhagsáætlun sem hefur orðið fyrir barðinu á lækkandi skatttekjum og hækkandi "
        "orkuverði. Fulltrúar minnihlutans svöruðu því að sparnaðurinn yrði lítill og að "
        "bókasöfnin væru notuð á hverjum degi af börnum, eftirlaunaþegum og fólki sem leitar að "
        "vinnu."
    ),
    "mt": (
        "Il-kunsill tal-belt iddeċieda nhar it-Tlieta li jagħlaq tnejn mill-erba' libreriji "
        "pubbliċi fid-distretti tat-tramuntana sa tmiem is-sena, deċiżjoni li qanqlet protesti "
        "rrabjati mir-residenti li kienu mlew is-sala. Is-sindku qal li l-għeluq huwa l-uniku "
        "mod biex jibbilanċja baġit li ntlaqat mit-tnaqqis fid-dħul mit-taxxi u miż-żieda "
        "fl-ispejjeż tal-enerġija. Il-membri tal-oppożizzjoni wieġbu li l-iffrankar se jkun "
        "żgħir u li l-libreriji jintużaw kuljum mit-tfal, mill-pensjonanti u minn nies li qed "
        "ifittxu x-xogħol."
    ),
    "cy": (
        "Penderfynodd y cyngor dinas ddydd Mawrth i gau dwy o'r pedair llyfrgell gyhoeddus yn y "
        "rhanbarthau gogleddol erbyn diwedd y flwyddyn, penderfyniad a achosodd brotestiadau "
        "chwyrn gan drigolion a oedd wedi llenwi'r siambr. Dywedodd y maer mai'r cau oedd yr "
        "unig ffordd i fantoli cyllideb sydd wedi cael ei tharo gan incwm treth sy'n gostwng a "
        "chostau ynni sy'n codi. Atebodd aelodau'r wrthblaid y byddai'r arbedion yn fach a bod "
        "y llyfrgelloedd yn cael eu defnyddio bob dydd gan blant, pensiynwyr a phobl sy'n "
        "chwilio am waith."
    ),
    "sq": (
        "Këshilli bashkiak vendosi të martën të mbyllë deri në fund të vitit dy nga katër "
        "bibliotekat publike në lagjet veriore, një vendim që shkaktoi protesta të zemëruara "
        "nga banorët që kishin mbushur sallën. Kryetari i bashkisë tha se mbyllja është e "
        "vetmja mënyrë për të balancuar buxhetin, i cili është goditur nga rënia e të ardhurave "
        "nga taksat dhe rritja e kostove të energjisë. Anëtarët e opozitës u përgjigjën se "
        "kursimet do të jenë të vogla dhe se bibliotekat përdoren çdo ditë nga fëmijët, "
        "pensionistët dhe njerëzit që kërkojnë punë."
    ),
    "sl": (
        "Mestni svet je v torek sklenil, da bo do konca leta zaprl dve od štirih javnih knjižnic "
        "v severnih četrtih, kar je sprožilo jezne proteste prebivalcev, ki so napolnili "
        "dvorano. Župan je dejal, da je zaprtje edini način za uravnoteženje proračuna, ki ga je "
        "prizadel padec davčnih prihodkov in rast cen energije. Opozicijski svetniki so "
        "odgovorili, da bo prihranek majhen in da knjižnice vsak dan uporabljajo otroci, "
        "upokojenci in ljudje, ki iščejo delo."
    ),
    "ia": (
        "Le consilio municipal ha votate martedi pro clauder duo del quatro bibliothecas "
        "public in le districtos del nord ante le fin del anno, un decision que ha provocate "
        "protestas irate del habitantes qui habeva plenate le sala. Le sindaco diceva que le "
        "clausuras es le sol maniera de equilibrar un budget que ha essite colpate per le "
        "declino del receptas fiscal e le augmento del costos del energia. Le membros del "
        "opposition respondeva que le economias esserea parve e que le bibliothecas es usate "
        "cata die per infantes, pensionarios e personas qui cerca travalio."
    ),
    "nds": (
        "De Stadtraat hett an'n Dingsdag beslaten, twee vun de veer öffentlichen Bökereen in de "
        "Noorderdeelen bet to'n Enn vun dat Johr totomaken. Dat hett dull Protest vun de "
        "Inwahners utlööst, de den Saal vullmaakt harrn. De Börgermeester seggt, dat Tomaken is "
        "de eenzige Weg, den Huushalt in de Reeg to bringen, wiel de Stüern dalgahn un de "
        "Energie düür worrn is. De Opposition hett antert, dat de Spoorgeld lütt blifft un dat "
        "de Bökereen jeden Dag vun Kinner, Rentners un Lüüd, de Arbeit söökt, bruukt warrt."
    ),
}


# Texts with too few words or no prose: neither a declaration's confirmation nor an undeclared
# answer may come from them.
WORDLESS = [
    "",
    "   ",
    "Share this article. Read more. Sign up for our newsletter.",  # boilerplate, few words
    "The mayor said on Tuesday that the vote is off.",  # a plain sentence, but too short
    "12 34 56 78 90 " * 60,  # numbers only
    "3:1 (2:0) 90' + 4 — 1.234,56 € / 7,8 % " * 30,
    "Home News Sport Business Tech Culture Travel Weather Video Audio Live " * 8,  # a menu
]
