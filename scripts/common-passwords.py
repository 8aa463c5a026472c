#!/usr/bin/env python3
"""Builds src/Mismes.Core/Administration/CommonPasswords.txt, the list of common and breached password "cores"
that CommonPasswordValidator refuses (ASVS 6.2.4 / 6.2.12, issue 6 3.5).

The list holds the words people build passwords from, as found at the top of the well-known public lists
(RockYou top 10,000, SecLists' 10k-most-common, the yearly NordPass / SplashData top lists), plus the French,
Spanish and Moroccan (Arabic transliterated) words that lead such lists in those languages, and the words specific
to this application (ASVS 6.2.11). The validator lower-cases a password, removes accents, undoes leetspeak
(@ -> a, 0 -> o, 1 -> i, 3 -> e, $ -> s, ...) and strips the digits and symbols around the letters, so the list
needs each core once: "password" refuses Password12, P@ssw0rd!, password2026; "welcome" refuses Welcome2026.
Seasons, months and days cover season+year ("Summer2025!"). Keyboard walks, sequences and repetitions are
refused by rule (CommonPasswordValidator), and also listed here in their common lengths.

Run: python3 scripts/common-passwords.py > src/Mismes.Core/Administration/CommonPasswords.txt
"""
import unicodedata

TOP = """
password passw0rd passwort motdepasse contrasena contraseña senha wachtwoord parola haslo salasana
qwerty azerty qwertz qwertyuiop azertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qwe asd zxc wxcvbn
abc abcd abcdef abcdefg abcdefgh letmein iloveyou welcome welcomeback admin administrator administrateur root
guest user login master monkey dragon shadow sunshine princess football baseball soccer hockey basketball
superman batman spiderman starwars pokemon naruto trustno1 whatever freedom hello hellokitty charlie michael
jennifer jordan hunter ranger buster tigger robert thomas daniel george computer michelle jessica pepper maggie
ginger joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees dallas austin
thunder taylor matrix secret secure security changeme default test testing tester demo sample example
lovely loveme mylove babygirl baby angel angels beautiful sweety sweetheart darling honey cookie chocolate
flower butterfly rainbow unicorn peanut banana orange apple cherry strawberry lemon coffee pizza hamburger
killer hacker ninja samurai warrior legend phoenix falcon eagle tiger lion wolf bear panther cobra viper
mustang ferrari porsche mercedes bmw audi toyota honda yamaha harley corvette camaro nissan
jesus christ god heaven angel blessed faith trinity family friends friend forever always together
money cash dollar euro rich lucky winner success power king queen prince boss
internet google facebook instagram twitter youtube whatsapp microsoft windows apple iphone samsung android
linux ubuntu oracle cisco server network system office office365 outlook gmail hotmail yahoo
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
spring summer autumn fall winter
lundi mardi mercredi jeudi vendredi samedi dimanche
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
printemps ete automne hiver
lunes martes miercoles jueves viernes sabado domingo
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
primavera verano otono invierno
sayf chita rabi kharif
bonjour salut coucou bienvenue soleil amour jetaime doudou chouchou loulou bisous cheri cherie mamour
princesse chaton nounours marseille paris lyon toulouse france liberte vacances football chocolat
nicolas julien camille thomas antoine alexandre maxime pierre marie sophie julie celine nathalie isabelle
hola amor teamo tequiero mariposa princesa corazon barcelona madrid realmadrid espana mexico futbol
bienvenido carlos maria jose juan antonio manuel javier alejandro sergio laura lucia carmen
maroc morocco marocain marocaine maghreb royaume casablanca casa rabat tanger tangier marrakech marrakesh
agadir fes fez meknes oujda tetouan kenitra nador safi eljadida laayoune dakhla essaouira ouarzazate
wydad raja widad atlas lions atlaslions barca
mohamed mohammed muhammad mohammad ahmed ahmad youssef yousef youssouf yassine yasin amine hamza omar ali
hassan hussein said rachid karim adil khalid abdellah abdelkader abderrahim ayoub mehdi anas ilyas soufiane
othmane zakaria bilal ismail ibrahim mustapha mustafa driss hicham nabil tarik reda samir jamal aziz
fatima fatimazahra khadija aicha aisha salma imane iman sara sarah meryem maryam zineb hajar nadia samira
hanane houda asmae asmaa ghizlane kawtar chaimae oumaima hiba rania yasmine nour malak amal laila
allah bismillah allahuakbar alhamdulillah inchallah inshallah mashallah subhanallah islam muslim quran
habibi habiba hayati omri rouhi zin ramadan ramadhan eid aid aidmubarak mabrouk ramadankarim
marhaba ahlan salam salaam assalam shukran
mismes anapec ofppt oim iom mcmream cnrst sepe migration migrant migrants diaspora emploi travail
"""

# Words common enough as whole passwords of 12 or more characters on their own.
LONG = """
passwordpassword iloveyouiloveyou qwertyuiopasdfghjkl azertyuiopqsdfghjklm 1qaz2wsx3edc4rfv 1q2w3e4r5t6y
1q2w3e4r5t6y7u8i zaq12wsxcde3 qazwsxedcrfv qweasdzxc qweasdzxcqwe asdfghjkl123 zxcvbnm123456
123456789012 1234567890123 12345678901234 123456789012345 1234567890qwerty qwerty123456 azerty123456
000000000000 111111111111 123123123123 121212121212 987654321098 098765432109 147258369147 159357159357
abcdefghijkl abcdefghijklmnop abc123abc123 aaaaaaaaaaaa password1234 password12345 password123456
iloveyou1234 welcome12345 welcome123456 administrator admin12345678 adminadmin123 letmein12345
changeme1234 trustno1trustno1 monkeymonkey princessprincess sunshine1234 football1234 baseball1234
superman1234 starwars1234 qwertyqwerty azertyazerty motdepasse123 motdepasse1234 contrasena123
bienvenue123 bienvenido123 jetaimejetaime teamoteamo
"""


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def main() -> None:
    words = sorted({fold(w) for w in (TOP + LONG).split()})
    print("# Common and breached password cores refused by CommonPasswordValidator (see scripts/common-passwords.py).")
    print("# One entry a line, lower case, no accents. Lines starting with # are comments.")
    for word in words:
        print(word)


if __name__ == "__main__":
    main()
