<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About sidep-portal</source>
        <translation>À propos de sidep-portal</translation>
    </message>
    <message>
        <source>SI-DEP sampling portal</source>
        <translation>Portail de prélèvement SI-DEP</translation>
    </message>
    <message>
        <source>Sampling records and results of COVID-19 tests, kept encrypted and sent to the national system SI-DEP.</source>
        <translation>Les fiches de prélèvement et les résultats des tests COVID-19, conservés chiffrés et transmis au système national SI-DEP.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Built from commit</source>
        <translation>Construit à partir du commit</translation>
    </message>
    <message>
        <source>Site FINESS</source>
        <translation>FINESS du site</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>European Union Public Licence v. 1.2 (EUPL-1.2)</source>
        <translation>Licence publique de l&apos;Union européenne v. 1.2 (EUPL-1.2)</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>The copyright notices and licences of these components are installed with the program (Debian: /usr/share/doc/sidep-portal/copyright).</source>
        <translation>Les mentions de droit d&apos;auteur et les licences de ces composants sont installées avec le programme (Debian : /usr/share/doc/sidep-portal/copyright).</translation>
    </message>
    <message>
        <source>none yet (first start)</source>
        <translation>aucun pour le moment (premier démarrage)</translation>
    </message>
</context>
<context>
    <name>ActivationCodeCsv</name>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the header must be %1</source>
        <translation>l&apos;en-tête doit être %1</translation>
    </message>
    <message>
        <source>the file holds no code</source>
        <translation>le fichier ne contient aucun code</translation>
    </message>
    <message>
        <source>%1 columns instead of %2</source>
        <translation>%1 colonnes au lieu de %2</translation>
    </message>
    <message>
        <source>a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9</source>
        <translation>un code est un UUID v4 en minuscules, ou 6 ou 12 caractères A-Z 0-9</translation>
    </message>
    <message>
        <source>a date is ISO 8601 in UTC, such as 2021-08-25T22:00:00.000Z</source>
        <translation>une date s&apos;écrit au format ISO 8601 en UTC, par exemple 2021-08-25T22:00:00.000Z</translation>
    </message>
    <message>
        <source>the validity must end after it starts</source>
        <translation>la fin de validité doit être postérieure à son début</translation>
    </message>
    <message>
        <source>this code is already on an earlier line</source>
        <translation>ce code figure déjà sur une ligne précédente</translation>
    </message>
    <message>
        <source>code_pour_qr must be the national link https://app.stopcovid.gouv.fr?code=...&amp;type=1 or a code</source>
        <translation>code_pour_qr doit être le lien national https://app.stopcovid.gouv.fr?code=...&amp;type=1 ou un code</translation>
    </message>
    <message>
        <source>the link&apos;s code must be the code of code_brut</source>
        <translation>le code du lien doit être celui de code_brut</translation>
    </message>
</context>
<context>
    <name>ActivationCodeDelivery</name>
    <message>
        <source>the .sha256 file holds no SHA-256 checksum (64 hexadecimal digits)</source>
        <translation>le fichier .sha256 ne contient pas de somme de contrôle SHA-256 (64 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>the file does not match its .sha256 checksum: it was changed or cut</source>
        <translation>le fichier ne correspond pas à sa somme de contrôle .sha256 : il a été modifié ou tronqué</translation>
    </message>
    <message>
        <source>the .sha256 file is the checksum of another file</source>
        <translation>le fichier .sha256 est la somme de contrôle d&apos;un autre fichier</translation>
    </message>
    <message>
        <source>not a gzip file: a delivery is a .tgz archive</source>
        <translation>pas un fichier gzip : une livraison est une archive .tgz</translation>
    </message>
    <message>
        <source>the gzip data is damaged (a bad block or check value)</source>
        <translation>les données gzip sont endommagées (bloc ou valeur de contrôle erronés)</translation>
    </message>
    <message>
        <source>the gzip data is cut short</source>
        <translation>les données gzip sont tronquées</translation>
    </message>
    <message>
        <source>the archive inflates to more than %1 MiB: not a delivery; inflation stopped there</source>
        <translation>l&apos;archive se décompresse en plus de %1 Mio : ce n&apos;est pas une livraison ; décompression arrêtée là</translation>
    </message>
    <message>
        <source>data follows the end of the gzip stream</source>
        <translation>des données suivent la fin du flux gzip</translation>
    </message>
    <message>
        <source>the CSV file &quot;%1&quot; is not named like a national one (&lt;sequence&gt;&lt;yyMMdd&gt;.csv)</source>
        <translation>le fichier CSV « %1 » n&apos;est pas nommé comme ceux du serveur national (&lt;séquence&gt;&lt;aaMMjj&gt;.csv)</translation>
    </message>
    <message>
        <source>the archive holds &quot;%1&quot;, which is neither the codes&apos; CSV nor the tar that holds it</source>
        <translation>l&apos;archive contient « %1 », qui n&apos;est ni le CSV des codes ni le tar qui le contient</translation>
    </message>
    <message>
        <source>the archive holds %1 CSV files (%2): a delivery holds one</source>
        <translation>l&apos;archive contient %1 fichiers CSV (%2) : une livraison n&apos;en contient qu&apos;un</translation>
    </message>
    <message>
        <source>the archive holds %1 tar files (%2): a delivery nests one</source>
        <translation>l&apos;archive contient %1 fichiers tar (%2) : une livraison n&apos;en imbrique qu&apos;un</translation>
    </message>
    <message>
        <source>the archive holds &quot;%1&quot; beside the CSV: a delivery holds the CSV alone</source>
        <translation>l&apos;archive contient « %1 » à côté du CSV : une livraison ne contient que le CSV</translation>
    </message>
    <message>
        <source>the CSV is larger than %1 MiB</source>
        <translation>le CSV dépasse %1 Mio</translation>
    </message>
    <message>
        <source>the archive holds no CSV named &lt;sequence&gt;&lt;yyMMdd&gt;.csv</source>
        <translation>l&apos;archive ne contient aucun CSV nommé &lt;séquence&gt;&lt;aaMMjj&gt;.csv</translation>
    </message>
    <message>
        <source>the inner tar &quot;%1&quot; holds no CSV named &lt;sequence&gt;&lt;yyMMdd&gt;.csv</source>
        <translation>le tar intérieur « %1 » ne contient aucun CSV nommé &lt;séquence&gt;&lt;aaMMjj&gt;.csv</translation>
    </message>
    <message>
        <source>the inner tar holds another tar, &quot;%1&quot;: a delivery nests one level only</source>
        <translation>le tar intérieur contient un autre tar, « %1 » : une livraison n&apos;imbrique qu&apos;un niveau</translation>
    </message>
    <message>
        <source>in the inner tar &quot;%1&quot;: %2</source>
        <translation>dans le tar intérieur « %1 » : %2</translation>
    </message>
    <message>
        <source>nothing imported from %1: %2</source>
        <translation>rien n&apos;a été importé de %1 : %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>ce n&apos;est pas un fichier</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB: not a delivery</source>
        <translation>le fichier dépasse %1 Mio : ce n&apos;est pas une livraison</translation>
    </message>
    <message>
        <source>no .sha256 file beside the archive (%1 or %2.sha256): the checksum of a delivery is checked before it is opened</source>
        <translation>aucun fichier .sha256 à côté de l&apos;archive (%1 ou %2.sha256) : la somme de contrôle d&apos;une livraison est vérifiée avant son ouverture</translation>
    </message>
    <message>
        <source>the .sha256 file is too large to be a checksum</source>
        <translation>le fichier .sha256 est trop grand pour être une somme de contrôle</translation>
    </message>
</context>
<context>
    <name>ActivationCodes</name>
    <message>
        <source>the file is too large for a batch of codes</source>
        <translation>le fichier est trop volumineux pour un lot de codes</translation>
    </message>
    <message numerus="yes">
        <source>nothing imported: %n problem(s) in the file; first: %1</source>
        <translation>
            <numerusform>rien n&apos;a été importé : %n problème dans le fichier : %1</numerusform>
            <numerusform>rien n&apos;a été importé : %n problèmes dans le fichier ; le premier : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>this code is already in the pool</source>
        <translation>ce code figure déjà dans la réserve de codes</translation>
    </message>
    <message>
        <source>nothing imported: %1</source>
        <translation>rien n&apos;a été importé : %1</translation>
    </message>
    <message>
        <source>an activation code is taken inside a transaction</source>
        <translation>un code d&apos;activation ne s&apos;attribue qu&apos;au sein d&apos;une transaction</translation>
    </message>
    <message numerus="yes">
        <source>nothing imported from %1: %n problem(s); first: %2</source>
        <translation>
            <numerusform>rien n&apos;a été importé de %1 : %n problème : %2</numerusform>
            <numerusform>rien n&apos;a été importé de %1 : %n problèmes ; le premier : %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminWidget</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>New user name</source>
        <translation>Nom du nouvel utilisateur</translation>
    </message>
    <message>
        <source>Role of the new account</source>
        <translation>Rôle du nouveau compte</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Password of the new account</source>
        <translation>Mot de passe du nouveau compte</translation>
    </message>
    <message>
        <source>&amp;Disable the selected account</source>
        <translation>&amp;Désactiver le compte sélectionné</translation>
    </message>
    <message>
        <source>Minutes before the session locks itself</source>
        <translation>Minutes d&apos;inactivité avant le verrouillage de la session</translation>
    </message>
    <message>
        <source>Nurse (sampling)</source>
        <translation>Infirmier (prélèvements)</translation>
    </message>
    <message>
        <source>Laboratory (results)</source>
        <translation>Laboratoire (résultats)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Compte %1 créé.</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>Désactiver %1 ?</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in.</source>
        <translation>%1 ne pourra plus se connecter.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Compte %1 désactivé.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Compte sélectionné</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>Rôl&amp;e</translation>
    </message>
    <message>
        <source>Role of the selected account</source>
        <translation>Rôle du compte sélectionné</translation>
    </message>
    <message>
        <source>C&amp;hange the role</source>
        <translation>C&amp;hanger le rôle</translation>
    </message>
    <message>
        <source>New pass&amp;word</source>
        <translation>Nouveau mot de &amp;passe</translation>
    </message>
    <message>
        <source>New password of the selected account</source>
        <translation>Nouveau mot de passe du compte sélectionné</translation>
    </message>
    <message>
        <source>&amp;Reset the password</source>
        <translation>&amp;Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 a maintenant le rôle %2.</translation>
    </message>
    <message>
        <source>Password of %1 reset; the account is unlocked.</source>
        <translation>Mot de passe de %1 réinitialisé ; le compte est déverrouillé.</translation>
    </message>
    <message>
        <source>Ro&amp;le</source>
        <translation>Rô&amp;le</translation>
    </message>
    <message>
        <source>Cr&amp;eate the account</source>
        <translation>&amp;Créer le compte</translation>
    </message>
    <message>
        <source>Loc&amp;k after (minutes idle)</source>
        <translation>Verrouillage après (minutes d&apos;&amp;inactivité)</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>Enre&amp;gistrer les paramètres</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>the audit log cannot be read</source>
        <translation>le journal d&apos;audit ne peut pas être lu</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing</source>
        <translation>les entrées %1 à %2 sont manquantes</translation>
    </message>
    <message>
        <source>entry %1 was altered or does not follow entry %2</source>
        <translation>l&apos;entrée %1 a été altérée ou ne fait pas suite à l&apos;entrée %2</translation>
    </message>
    <message>
        <source>entry %1 records that the log had been cut or edited before it (%2)</source>
        <translation>l&apos;entrée %1 indique que le journal avait été tronqué ou modifié avant elle (%2)</translation>
    </message>
    <message>
        <source>the audit log&apos;s head record is missing or was altered</source>
        <translation>l&apos;enregistrement de tête du journal d&apos;audit est manquant ou a été altéré</translation>
    </message>
    <message>
        <source>the audit log should end at entry %1 but ends at entry %2</source>
        <translation>le journal d&apos;audit devrait se terminer à l&apos;entrée %1 mais se termine à l&apos;entrée %2</translation>
    </message>
    <message>
        <source>the last audit entry was replaced</source>
        <translation>la dernière entrée du journal d&apos;audit a été remplacée</translation>
    </message>
    <message>
        <source>audit entry %1 does not open</source>
        <translation>l&apos;entrée %1 du journal d&apos;audit ne se déchiffre pas</translation>
    </message>
</context>
<context>
    <name>BarcodeDecoder</name>
    <message>
        <source>INS DataMatrix refused: %1</source>
        <translation>DataMatrix INS refusé : %1</translation>
    </message>
    <message>
        <source>neither a tube label (4 to 40 printable ASCII characters) nor an INS DataMatrix</source>
        <translation>ni une étiquette de tube (4 à 40 caractères ASCII imprimables) ni un DataMatrix INS</translation>
    </message>
</context>
<context>
    <name>BarcodeEncoder</name>
    <message>
        <source>the module size must be 1 to %1 pixels</source>
        <translation>la taille du module doit être comprise entre 1 et %1 pixels</translation>
    </message>
    <message>
        <source>there is nothing to encode</source>
        <translation>il n&apos;y a rien à encoder</translation>
    </message>
    <message>
        <source>Code 128 carries 1 to 80 ASCII characters</source>
        <translation>le Code 128 contient de 1 à 80 caractères ASCII</translation>
    </message>
    <message>
        <source>the text is too long or has characters this code cannot carry</source>
        <translation>le texte est trop long ou contient des caractères que ce code ne peut pas représenter</translation>
    </message>
    <message>
        <source>the text cannot be encoded</source>
        <translation>le texte ne peut pas être encodé</translation>
    </message>
    <message>
        <source>the image is too large</source>
        <translation>l&apos;image est trop grande</translation>
    </message>
</context>
<context>
    <name>BundleEntries</name>
    <message>
        <source>only POST and PUT are sent</source>
        <translation>seules les requêtes POST et PUT sont envoyées</translation>
    </message>
    <message>
        <source>two entries have the same fullUrl</source>
        <translation>deux entrées ont le même fullUrl</translation>
    </message>
    <message>
        <source>only one %1 is expected</source>
        <translation>un seul %1 est attendu</translation>
    </message>
    <message>
        <source>a %1 is required</source>
        <translation>un %1 est requis</translation>
    </message>
    <message>
        <source>does not point to a %1 of the Bundle</source>
        <translation>ne désigne aucun %1 du Bundle</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
</context>
<context>
    <name>CameraScanDialog</name>
    <message>
        <source>Scan with the camera</source>
        <translation>Scanner avec la caméra</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Image de la caméra</translation>
    </message>
    <message>
        <source>This computer has no camera.</source>
        <translation>Cet ordinateur n&apos;a pas de caméra.</translation>
    </message>
    <message>
        <source>Use the barcode scanner, or scan an image file instead (Scan &gt; Scan an image).</source>
        <translation>Utilisez le lecteur de codes-barres, ou scannez plutôt un fichier image (Scan &gt; Scanner une image).</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>La caméra ne peut pas être utilisée : %1</translation>
    </message>
    <message>
        <source>Hold the tube label or the document&apos;s code in front of the camera.</source>
        <translation>Présentez l&apos;étiquette du tube ou le code du document devant la caméra.</translation>
    </message>
</context>
<context>
    <name>CodeRefill</name>
    <message>
        <source>from 1 to %1 codes at a time</source>
        <translation>de 1 à %1 codes à la fois</translation>
    </message>
    <message>
        <source>the national server ran out of activation codes: %1 of %2 received</source>
        <translation>le serveur national est à court de codes d&apos;activation : %1 reçus sur %2</translation>
    </message>
    <message>
        <source>the national server has no activation code left</source>
        <translation>le serveur national n&apos;a plus aucun code d&apos;activation</translation>
    </message>
    <message>
        <source>activation codes not refilled: %1</source>
        <translation>codes d&apos;activation non réapprovisionnés : %1</translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>The scrypt cost n must be a power of two from %1 to %2.</source>
        <translation>Le coût scrypt n doit être une puissance de deux comprise entre %1 et %2.</translation>
    </message>
    <message>
        <source>The scrypt block size r must be from 1 to %1.</source>
        <translation>La taille de bloc scrypt r doit être comprise entre 1 et %1.</translation>
    </message>
    <message>
        <source>The scrypt parallelism p must be from 1 to %1.</source>
        <translation>Le parallélisme scrypt p doit être compris entre 1 et %1.</translation>
    </message>
    <message>
        <source>The scrypt parameters need %1 MiB of memory, more than the %2 MiB allowed.</source>
        <translation>Les paramètres scrypt nécessitent %1 Mio de mémoire, au-delà des %2 Mio autorisés.</translation>
    </message>
    <message>
        <source>The key derivation parameters lack the field &quot;%1&quot; or it has the wrong type.</source>
        <translation>Le champ « %1 » manque dans les paramètres de dérivation de clé, ou son type est incorrect.</translation>
    </message>
    <message>
        <source>Unknown key derivation algorithm &quot;%1&quot;.</source>
        <translation>Algorithme de dérivation de clé inconnu : « %1 ».</translation>
    </message>
    <message>
        <source>The key derivation salt is not valid base64.</source>
        <translation>Le sel de dérivation de clé n&apos;est pas du base64 valide.</translation>
    </message>
    <message>
        <source>The key derivation salt has %1 bytes; at least %2 are required.</source>
        <translation>Le sel de dérivation de clé fait %1 octets ; il en faut au moins %2.</translation>
    </message>
    <message>
        <source>The key derivation salt is empty.</source>
        <translation>Le sel de dérivation de clé est vide.</translation>
    </message>
    <message>
        <source>The key derivation failed, probably for lack of memory.</source>
        <translation>La dérivation de clé a échoué, probablement faute de mémoire.</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>The site today</source>
        <translation>Le site aujourd&apos;hui</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Imprimer...</translation>
    </message>
    <message>
        <source>Save as &amp;image...</source>
        <translation>Enregistrer en i&amp;mage...</translation>
    </message>
    <message>
        <source>Save the figures as CS&amp;V...</source>
        <translation>Enregistrer les &amp;chiffres (CSV)...</translation>
    </message>
    <message>
        <source>Samples today</source>
        <translation>Prélèvements du jour</translation>
    </message>
    <message>
        <source>Awaiting a result</source>
        <translation>En attente de résultat</translation>
    </message>
    <message>
        <source>Positivity over 14 days</source>
        <translation>Positivité sur 14 jours</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Activation codes left</source>
        <translation>Codes d&apos;activation restants</translation>
    </message>
    <message>
        <source>Dashboard message</source>
        <translation>Message du tableau de bord</translation>
    </message>
    <message>
        <source>Samples per hour today</source>
        <translation>Prélèvements par heure aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Results of today&apos;s samples</source>
        <translation>Résultats des prélèvements du jour</translation>
    </message>
    <message>
        <source>Positivity over the last 14 days</source>
        <translation>Positivité des 14 derniers jours</translation>
    </message>
    <message>
        <source>Positivity over the last 14 days (%)</source>
        <translation>Positivité des 14 derniers jours (%)</translation>
    </message>
    <message>
        <source>The figures cannot be read: %1</source>
        <translation>Les chiffres ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>The site on %1</source>
        <translation>Le site, %1</translation>
    </message>
    <message>
        <source>samples today</source>
        <translation>prélèvements aujourd&apos;hui</translation>
    </message>
    <message>
        <source>awaiting a result</source>
        <translation>en attente de résultat</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>positive over 14 days</source>
        <translation>positifs sur 14 jours</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>le plus ancien %1</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>rien n&apos;attend</translation>
    </message>
    <message>
        <source>to send, %1</source>
        <translation>à envoyer, %1</translation>
    </message>
    <message numerus="yes">
        <source>activation codes left (%n end within 7 days)</source>
        <translation>
            <numerusform>codes d&apos;activation restants (%n expire sous 7 jours)</numerusform>
            <numerusform>codes d&apos;activation restants (%n expirent sous 7 jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Prélèvements</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Awaiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Positive (%)</source>
        <translation>Positifs (%)</translation>
    </message>
    <message>
        <source>the image cannot be written to %1</source>
        <translation>l&apos;image ne peut pas être écrite dans %1</translation>
    </message>
    <message>
        <source>the figures cannot be written to %1</source>
        <translation>les chiffres ne peuvent pas être écrits dans %1</translation>
    </message>
    <message>
        <source>Save the dashboard as an image</source>
        <translation>Enregistrer le tableau de bord en image</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Dashboard saved to %1.</source>
        <translation>Tableau de bord enregistré dans %1.</translation>
    </message>
    <message>
        <source>Save the dashboard&apos;s figures</source>
        <translation>Enregistrer les chiffres du tableau de bord</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Figures saved to %1.</source>
        <translation>Chiffres enregistrés dans %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>unknown database error</source>
        <translation>erreur de base de données inconnue</translation>
    </message>
    <message>
        <source>no store at %1 (create one with &apos;sidepctl init&apos;)</source>
        <translation>aucune base à l&apos;emplacement %1 (créez-en une avec « sidepctl init »)</translation>
    </message>
    <message>
        <source>cannot open the store %1: %2</source>
        <translation>impossible d&apos;ouvrir la base %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a readable store</source>
        <translation>%1 n&apos;est pas une base lisible</translation>
    </message>
    <message>
        <source>the store has schema version %1, newer than this program&apos;s %2: update the program</source>
        <translation>la base est au schéma version %1, plus récent que celui de ce programme (%2) : mettez le programme à jour</translation>
    </message>
    <message>
        <source>the disk is full: nothing of this action was saved, what was saved before is intact; free some space and try again</source>
        <translation>le disque est plein : rien de cette action n&apos;a été enregistré, ce qui l&apos;avait été auparavant est intact ; libérez de l&apos;espace et réessayez</translation>
    </message>
    <message>
        <source>the store&apos;s disk is read-only: nothing can be saved; what was saved before is intact</source>
        <translation>le disque de la base locale est en lecture seule : rien ne peut être enregistré ; ce qui l&apos;avait été auparavant est intact</translation>
    </message>
    <message>
        <source>the disk cannot be written (input/output error): nothing of this action was saved; check the disk</source>
        <translation>impossible d&apos;écrire sur le disque (erreur d&apos;entrée/sortie) : rien de cette action n&apos;a été enregistré ; vérifiez le disque</translation>
    </message>
    <message>
        <source>the store&apos;s file cannot be opened (missing, or its folder is read-only or not allowed)</source>
        <translation>le fichier de la base locale ne peut pas être ouvert (il est absent, ou son dossier est en lecture seule ou d&apos;accès non autorisé)</translation>
    </message>
    <message>
        <source>the store&apos;s disk is read-only (it cannot even be opened for reading): what was saved is intact; make the disk writable</source>
        <translation>le disque de la base locale est en lecture seule (elle ne peut même pas être ouverte en lecture) : ce qui a été enregistré est intact ; rendez le disque accessible en écriture</translation>
    </message>
    <message>
        <source>another connection is reading the store; the journal is emptied at the next checkpoint</source>
        <translation>une autre connexion lit la base locale ; le journal sera vidé au prochain point de contrôle</translation>
    </message>
    <message>
        <source>a backup cannot be made inside a transaction</source>
        <translation>une sauvegarde ne peut pas être faite au milieu d&apos;une transaction</translation>
    </message>
    <message>
        <source>%1 already exists: choose a new file for the backup</source>
        <translation>%1 existe déjà : choisissez un nouveau fichier pour la sauvegarde</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>the backup to %1 failed: %2</source>
        <translation>la sauvegarde dans %1 a échoué : %2</translation>
    </message>
    <message>
        <source>the site database cannot be reached: nothing of this action was saved, what was saved before is intact; try again when the network or the database is back</source>
        <translation>la base du site est injoignable : rien de cette action n&apos;a été enregistré, ce qui l&apos;était auparavant est intact ; réessayez quand le réseau ou la base sera revenu</translation>
    </message>
    <message>
        <source>%1 is neither a file path nor a site database URL (postgresql://...)</source>
        <translation>%1 n&apos;est ni un chemin de fichier ni l&apos;adresse d&apos;une base de site (postgresql://...)</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed: a site database cannot be used (Debian package libqt6sql6-psql)</source>
        <translation>le pilote PostgreSQL de Qt (QPSQL) n&apos;est pas installé : une base de site ne peut pas être utilisée (paquet Debian libqt6sql6-psql)</translation>
    </message>
    <message>
        <source>cannot reach the site database %1: %2</source>
        <translation>impossible de joindre la base du site %1 : %2</translation>
    </message>
    <message>
        <source>no store in the site database %1 (create one with &apos;sidepctl init&apos;)</source>
        <translation>aucune base SI-DEP dans la base du site %1 (créez-la avec « sidepctl init »)</translation>
    </message>
    <message>
        <source>a site database is backed up on its server (pg_dump, base backups), not by a station: see the site database section of the README</source>
        <translation>une base de site se sauvegarde sur son serveur (pg_dump, sauvegardes de base), pas depuis un poste : voir la partie du README sur la base du site</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
</context>
<context>
    <name>FhirReader</name>
    <message>
        <source>must be Bundle</source>
        <translation>doit être Bundle</translation>
    </message>
    <message>
        <source>must be transaction</source>
        <translation>doit être transaction</translation>
    </message>
    <message>
        <source>must be urn:ietf:rfc:3986</source>
        <translation>doit être urn:ietf:rfc:3986</translation>
    </message>
    <message>
        <source>a result comes with its DiagnosticReport</source>
        <translation>un résultat est accompagné de son DiagnosticReport</translation>
    </message>
    <message>
        <source>the ServiceRequest&apos;s LOINC code is the result&apos;s analysis</source>
        <translation>le code LOINC de la ServiceRequest est l&apos;analyse du résultat</translation>
    </message>
</context>
<context>
    <name>HttpsTransport</name>
    <message>
        <source>the server is busy and asks to wait (%1): the records stay waiting and go when it allows</source>
        <translation>le serveur est occupé et demande de patienter (%1) : les fiches restent en attente et partiront dès qu&apos;il le permettra</translation>
    </message>
    <message>
        <source>the server failed to take the records (%1): they stay waiting and are sent again later</source>
        <translation>le serveur n&apos;a pas pu prendre en charge les fiches (%1) : elles restent en attente et seront renvoyées plus tard</translation>
    </message>
    <message>
        <source>the server refused the request (%1): check sync.url, it must be the national server&apos;s address</source>
        <translation>le serveur a refusé la requête (%1) : vérifiez sync.url, qui doit être l&apos;adresse du serveur national</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was not issued by the site&apos;s configured CA: the server at %1 may not be the national server, or the CA imported on this workstation is not the right one; check sync.url, or import the national server&apos;s CA with &apos;sidepctl config import-ca&apos;</source>
        <translation>le certificat du serveur n&apos;a pas été délivré par l&apos;AC configurée pour le site : le serveur %1 n&apos;est peut-être pas le serveur national, ou l&apos;AC importée sur ce poste n&apos;est pas la bonne ; vérifiez sync.url, ou importez l&apos;AC du serveur national avec « sidepctl config import-ca »</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired (on %1): the national server&apos;s administrators must renew it; if that date is not past, correct this computer&apos;s date and time</source>
        <translation>le certificat du serveur a expiré (le %1) : les administrateurs du serveur national doivent le renouveler ; si cette date n&apos;est pas encore passée, corrigez la date et l&apos;heure de cet ordinateur</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid before %1: correct this computer&apos;s date and time</source>
        <translation>le certificat du serveur n&apos;est pas valide avant le %1 : corrigez la date et l&apos;heure de cet ordinateur</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid for the host name %1 in sync.url (it names %2): set sync.url to a name the certificate holds, or ask the server&apos;s administrators for a certificate that names %1</source>
        <translation>le certificat du serveur n&apos;est pas valide pour le nom d&apos;hôte %1 indiqué dans sync.url (il désigne %2) : indiquez dans sync.url un nom figurant dans le certificat, ou demandez aux administrateurs du serveur un certificat qui désigne %1</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>aucun hôte</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was refused (%1): ask the national server&apos;s administrators</source>
        <translation>le certificat du serveur a été refusé (%1) : adressez-vous aux administrateurs du serveur national</translation>
    </message>
    <message>
        <source>no client certificate is configured for this site, and the server requires one: import the site&apos;s certificate with &apos;sidepctl config import-cert&apos;</source>
        <translation>aucun certificat client n&apos;est configuré pour ce site, et le serveur en exige un : importez le certificat du site avec « sidepctl config import-cert »</translation>
    </message>
    <message>
        <source>the server refused the site&apos;s client certificate: it expired on %1; import a renewed certificate with &apos;sidepctl config import-cert&apos;</source>
        <translation>le serveur a refusé le certificat client du site : il a expiré le %1 ; importez un certificat renouvelé avec « sidepctl config import-cert »</translation>
    </message>
    <message>
        <source>the server refused the site&apos;s client certificate: it is not one the server accepts (issued by another CA, revoked or for another use); import the certificate the national server issued to this site with &apos;sidepctl config import-cert&apos;</source>
        <translation>le serveur a refusé le certificat client du site : ce certificat n&apos;est pas accepté par le serveur (délivré par une autre AC, révoqué ou destiné à un autre usage) ; importez le certificat que le serveur national a délivré à ce site avec « sidepctl config import-cert »</translation>
    </message>
    <message>
        <source>the server at %1 and this workstation have no TLS version in common: this workstation requires TLS 1.2 or later; the server must be upgraded</source>
        <translation>le serveur %1 et ce poste n&apos;ont aucune version de TLS en commun : ce poste exige TLS 1.2 ou une version ultérieure ; le serveur doit être mis à niveau</translation>
    </message>
    <message>
        <source>the server at %1 refused the connection: it is not running or not reachable there; check sync.url and the network (the records stay waiting and are sent when it is back)</source>
        <translation>le serveur %1 a refusé la connexion : il n&apos;est pas démarré ou n&apos;est pas joignable à cette adresse ; vérifiez sync.url et le réseau (les fiches restent en attente et seront envoyées dès son retour)</translation>
    </message>
    <message>
        <source>the server&apos;s host name %1 (sync.url) cannot be found: check sync.url and this computer&apos;s network</source>
        <translation>le nom d&apos;hôte du serveur %1 (sync.url) est introuvable : vérifiez sync.url et le réseau de cet ordinateur</translation>
    </message>
    <message>
        <source>the server at %1 closed the connection before answering: the records stay waiting and are sent again (the server recognises those it already has)</source>
        <translation>le serveur %1 a fermé la connexion avant de répondre : les fiches restent en attente et seront renvoyées (le serveur reconnaît celles qu&apos;il a déjà reçues)</translation>
    </message>
    <message>
        <source>this computer&apos;s network is unavailable (%1): the records stay waiting and are sent when it is back</source>
        <translation>le réseau de cet ordinateur est indisponible (%1) : les fiches restent en attente et seront envoyées dès son rétablissement</translation>
    </message>
    <message>
        <source>the secure connection to the server at %1 failed (%2): check sync.url and the site&apos;s certificates (&apos;sidepctl config show&apos;)</source>
        <translation>la connexion sécurisée au serveur %1 a échoué (%2) : vérifiez sync.url et les certificats du site (« sidepctl config show »)</translation>
    </message>
    <message>
        <source>the connection to the server at %1 failed (%2): the records stay waiting and are sent again</source>
        <translation>la connexion au serveur %1 a échoué (%2) : les fiches restent en attente et seront renvoyées</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a batch of activation codes</source>
        <translation>la réponse du serveur n&apos;est pas un lot de codes d&apos;activation</translation>
    </message>
    <message numerus="yes">
        <source>nothing moved between this workstation and the server at %1 for %n second(s): it is down, overloaded or unreachable; the records stay waiting and are sent again</source>
        <translation>
            <numerusform>rien n&apos;est passé entre ce poste et le serveur %1 pendant %n seconde : il est arrêté, surchargé ou injoignable ; les dossiers restent en attente et seront renvoyés</numerusform>
            <numerusform>rien n&apos;est passé entre ce poste et le serveur %1 pendant %n secondes : il est arrêté, surchargé ou injoignable ; les dossiers restent en attente et seront renvoyés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <source>%1 must have %2 characters, not %3</source>
        <translation>%1 doit comporter %2 caractères, et non %3</translation>
    </message>
    <message>
        <source>%1 may contain only digits, and 2A or 2B for Corsica</source>
        <translation>%1 ne peut contenir que des chiffres, ainsi que 2A ou 2B pour la Corse</translation>
    </message>
    <message>
        <source>%1 may contain only digits</source>
        <translation>%1 ne peut contenir que des chiffres</translation>
    </message>
    <message>
        <source>the first NIR digit (sex) must be 1, 2, 3, 4, 7 or 8</source>
        <translation>le premier chiffre du NIR (sexe) doit être 1, 2, 3, 4, 7 ou 8</translation>
    </message>
    <message>
        <source>the NIR birth month must be 01 to 12, 20, 31 to 42 or 50 to 99</source>
        <translation>le mois de naissance du NIR doit être 01 à 12, 20, 31 à 42 ou 50 à 99</translation>
    </message>
    <message>
        <source>the NIR department must be 01 to 95, 2A, 2B, 97, 98 or 99</source>
        <translation>le département du NIR doit être 01 à 95, 2A, 2B, 97, 98 ou 99</translation>
    </message>
    <message>
        <source>the NIR order number must be 001 to 999</source>
        <translation>le numéro d&apos;ordre du NIR doit être compris entre 001 et 999</translation>
    </message>
    <message>
        <source>the first NIR digit does not agree with the sex</source>
        <translation>le premier chiffre du NIR ne concorde pas avec le sexe</translation>
    </message>
    <message>
        <source>the birth year in the NIR does not agree with the birth date</source>
        <translation>l&apos;année de naissance du NIR ne concorde pas avec la date de naissance</translation>
    </message>
    <message>
        <source>the birth month in the NIR does not agree with the birth date</source>
        <translation>le mois de naissance du NIR ne concorde pas avec la date de naissance</translation>
    </message>
    <message>
        <source>not the OID of an INS authority (NIR, NIA, test or demonstration)</source>
        <translation>n&apos;est pas l&apos;OID d&apos;une autorité d&apos;affectation INS (NIR, NIA, test ou démonstration)</translation>
    </message>
    <message>
        <source>the COG department must be 01 to 95, 2A, 2B, 97, 98 or 99</source>
        <translation>le département du code COG doit être 01 à 95, 2A, 2B, 97, 98 ou 99</translation>
    </message>
    <message>
        <source>the COG commune or country number cannot be zero</source>
        <translation>le numéro de commune ou de pays du code COG ne peut pas être nul</translation>
    </message>
    <message>
        <source>a LOINC code is 1 to 5 digits, a dash and a check digit</source>
        <translation>un code LOINC comporte 1 à 5 chiffres, un tiret et un chiffre de contrôle</translation>
    </message>
    <message>
        <source>a phone number is digits starting with 0, or with + or 00 and a country code</source>
        <translation>un numéro de téléphone se compose de chiffres et commence par 0, ou par + ou 00 suivi de l&apos;indicatif du pays</translation>
    </message>
    <message>
        <source>a French phone number has 10 digits, not %1</source>
        <translation>un numéro de téléphone français comporte 10 chiffres, et non %1</translation>
    </message>
    <message>
        <source>an international phone number has 8 to 15 digits, not %1</source>
        <translation>un numéro de téléphone international comporte de 8 à 15 chiffres, et non %1</translation>
    </message>
    <message>
        <source>a French phone number has 9 digits after +33, not %1</source>
        <translation>un numéro de téléphone français comporte 9 chiffres après +33, et non %1</translation>
    </message>
    <message>
        <source>a mobile phone number is expected (06, 07 or an overseas mobile number)</source>
        <translation>un numéro de téléphone mobile est attendu (06, 07 ou numéro mobile d&apos;outre-mer)</translation>
    </message>
    <message>
        <source>an e-mail address has at most 254 characters, not %1</source>
        <translation>une adresse électronique comporte au plus 254 caractères, et non %1</translation>
    </message>
    <message>
        <source>an e-mail address needs an @</source>
        <translation>une adresse électronique doit contenir un @</translation>
    </message>
    <message>
        <source>the part before @ has at most 64 characters, not %1</source>
        <translation>la partie avant le @ comporte au plus 64 caractères, et non %1</translation>
    </message>
    <message>
        <source>the part before @ is empty, contains a character that is not allowed or a misplaced dot</source>
        <translation>la partie avant le @ est vide, ou contient un caractère non autorisé ou un point mal placé</translation>
    </message>
    <message>
        <source>the domain after @ must be names of letters, digits and hyphens separated by dots</source>
        <translation>le domaine après le @ doit être formé de noms en lettres, chiffres et tirets, séparés par des points</translation>
    </message>
    <message>
        <source>a French postal code has 5 digits and starts with a department</source>
        <translation>un code postal français comporte 5 chiffres et commence par un numéro de département</translation>
    </message>
    <message>
        <source>a postal code has 2 to 10 letters or digits, with spaces or hyphens</source>
        <translation>un code postal comporte de 2 à 10 lettres ou chiffres, avec espaces ou tirets</translation>
    </message>
    <message>
        <source>a country is written as its two-letter ISO 3166 code</source>
        <translation>un pays s&apos;écrit sous la forme de son code ISO 3166 à deux lettres</translation>
    </message>
    <message>
        <source>not an ISO 3166 country code</source>
        <translation>n&apos;est pas un code pays ISO 3166</translation>
    </message>
    <message>
        <source>a date is written YYYY-MM-DD</source>
        <translation>une date s&apos;écrit AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>this date does not exist in the calendar</source>
        <translation>cette date n&apos;existe pas dans le calendrier</translation>
    </message>
    <message>
        <source>a date and time is written YYYY-MM-DDThh:mm:ss followed by Z or +hh:mm</source>
        <translation>une date et heure s&apos;écrit AAAA-MM-JJThh:mm:ss suivi de Z ou +hh:mm</translation>
    </message>
    <message>
        <source>a date and time needs its offset from UTC (Z or +hh:mm): a local time is ambiguous</source>
        <translation>une date et heure doit indiquer son décalage par rapport à UTC (Z ou +hh:mm) : une heure locale est ambiguë</translation>
    </message>
    <message>
        <source>this date or time does not exist</source>
        <translation>cette date ou cette heure n&apos;existe pas</translation>
    </message>
    <message>
        <source>an offset from UTC is between -12:00 and +14:00</source>
        <translation>un décalage par rapport à UTC est compris entre -12:00 et +14:00</translation>
    </message>
    <message>
        <source>a name has 1 to 100 characters, not %1</source>
        <translation>un nom comporte de 1 à 100 caractères, et non %1</translation>
    </message>
    <message>
        <source>a name may contain only letters, spaces, hyphens and apostrophes</source>
        <translation>un nom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes</translation>
    </message>
    <message>
        <source>a name must contain at least one letter</source>
        <translation>un nom doit contenir au moins une lettre</translation>
    </message>
    <message>
        <source>the %1 is wrong (its check key does not match): read the number again from the document</source>
        <translation>le %1 est erroné (sa clé de contrôle ne correspond pas) : relisez le numéro sur le document</translation>
    </message>
    <message>
        <source>the NIR is wrong (its key does not match): read the whole number again from the patient&apos;s card</source>
        <translation>le NIR est erroné (sa clé ne correspond pas) : relisez le numéro en entier sur la carte du patient</translation>
    </message>
</context>
<context>
    <name>InsDataMatrix</name>
    <message>
        <source>INS matricule</source>
        <translation>matricule INS</translation>
    </message>
    <message>
        <source>matricule authority</source>
        <translation>autorité d&apos;affectation du matricule</translation>
    </message>
    <message>
        <source>birth given names</source>
        <translation>prénoms de naissance</translation>
    </message>
    <message>
        <source>birth family name</source>
        <translation>nom de naissance</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>birth place</source>
        <translation>lieu de naissance</translation>
    </message>
    <message>
        <source>field %1 (%2)</source>
        <translation>le champ %1 (%2)</translation>
    </message>
    <message>
        <source>%1 is missing or out of order</source>
        <translation>%1 est absent ou mal placé</translation>
    </message>
    <message>
        <source>%1 must be exactly %2 characters</source>
        <translation>%1 doit comporter exactement %2 caractères</translation>
    </message>
    <message>
        <source>%1 must be %2 to %3 characters</source>
        <translation>%1 doit comporter de %2 à %3 caractères</translation>
    </message>
    <message>
        <source>unexpected characters after the last field (%1)</source>
        <translation>caractères inattendus après le dernier champ (%1)</translation>
    </message>
    <message>
        <source>wrong key</source>
        <translation>clé incorrecte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>not an INS DataMatrix: the text must start with IS, a version and 22 zeros</source>
        <translation>ce n&apos;est pas un DataMatrix INS : le texte doit commencer par IS, un numéro de version et 22 zéros</translation>
    </message>
    <message>
        <source>INS DataMatrix version not supported (01 only)</source>
        <translation>version de DataMatrix INS non prise en charge (01 uniquement)</translation>
    </message>
    <message>
        <source>the GS separator after %1 is missing</source>
        <translation>le séparateur GS manque après %1</translation>
    </message>
    <message>
        <source>digits only, 2A or 2B for Corsica</source>
        <translation>chiffres uniquement, ou 2A ou 2B pour la Corse</translation>
    </message>
    <message>
        <source>no spaces allowed</source>
        <translation>espaces non autorisés</translation>
    </message>
    <message>
        <source>%1 may hold only upper-case letters, single spaces, hyphens and apostrophes</source>
        <translation>%1 ne peut contenir que des lettres majuscules, des espaces simples, des tirets et des apostrophes</translation>
    </message>
    <message>
        <source>%1 must be F or M</source>
        <translation>%1 doit valoir F ou M</translation>
    </message>
    <message>
        <source>%1 must be written DD-MM-YYYY</source>
        <translation>%1 doit s&apos;écrire JJ-MM-AAAA</translation>
    </message>
    <message>
        <source>%1 is not a date of the calendar</source>
        <translation>%1 n&apos;est pas une date du calendrier</translation>
    </message>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 est dans le futur</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>more problems than %1: the rest are not listed</source>
        <translation>plus de %1 problèmes : les suivants ne sont pas listés</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>doit être un tableau</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>none of the codes this element takes</source>
        <translation>aucun des codes que cet élément accepte</translation>
    </message>
    <message>
        <source>no coding from the expected code system</source>
        <translation>aucun codage du système de codes attendu</translation>
    </message>
</context>
<context>
    <name>LabelBatchDialog</name>
    <message>
        <source>Print a batch of tube labels</source>
        <translation>Imprimer une série d&apos;étiquettes de tube</translation>
    </message>
    <message>
        <source>Labels for pre-printed tubes, numbered by the store: no other workstation prints the same numbers. Each tube&apos;s label is scanned when its sample is taken.</source>
        <translation>Étiquettes pour tubes préparés à l&apos;avance, numérotées par le poste : aucun autre poste n&apos;imprime les mêmes numéros. L&apos;étiquette de chaque tube est scannée au moment du prélèvement.</translation>
    </message>
    <message>
        <source>&amp;How many labels?</source>
        <translation>&amp;Combien d&apos;étiquettes ?</translation>
    </message>
    <message>
        <source>Number of labels</source>
        <translation>Nombre d&apos;étiquettes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SI-DEP sampling portal</source>
        <translation>Portail de prélèvement SI-DEP</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>S&amp;can</source>
        <translation>Sc&amp;an</translation>
    </message>
    <message>
        <source>Scan an &amp;image...</source>
        <translation>Scanner une &amp;image...</translation>
    </message>
    <message>
        <source>Scan with the &amp;camera...</source>
        <translation>Scanner avec la &amp;caméra...</translation>
    </message>
    <message>
        <source>Print a &amp;batch of tube labels...</source>
        <translation>Imprimer une &amp;série d&apos;étiquettes de tube...</translation>
    </message>
    <message>
        <source>The store cannot be opened</source>
        <translation>La base ne peut pas être ouverte</translation>
    </message>
    <message>
        <source>&amp;New sampling</source>
        <translation>&amp;Nouveau prélèvement</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;File d&apos;attente</translation>
    </message>
    <message>
        <source>&amp;Accounts and settings</source>
        <translation>C&amp;omptes et paramètres</translation>
    </message>
    <message>
        <source>Form restored</source>
        <translation>Formulaire restauré</translation>
    </message>
    <message>
        <source>The sampling form you had started was restored.</source>
        <translation>Le formulaire de prélèvement que vous aviez commencé a été restauré.</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) – %3</translation>
    </message>
    <message>
        <source>A scan was read, but this screen has no use for it.</source>
        <translation>Un code a été lu, mais cet écran ne peut pas l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Tube label read.</source>
        <translation>Étiquette du tube lue.</translation>
    </message>
    <message>
        <source>Replace the identity?</source>
        <translation>Remplacer l&apos;identité ?</translation>
    </message>
    <message>
        <source>The document&apos;s identity differs from the form in: %1. Replace with the document&apos;s identity?</source>
        <translation>L&apos;identité du document diffère de celle du formulaire pour : %1. Remplacer par l&apos;identité du document ?</translation>
    </message>
    <message>
        <source>The identity from the document was not used.</source>
        <translation>L&apos;identité du document n&apos;a pas été reprise.</translation>
    </message>
    <message>
        <source>Qualified identity read from the INS code.</source>
        <translation>Identité qualifiée lue dans le code INS.</translation>
    </message>
    <message>
        <source>INS code refused: %1</source>
        <translation>Code INS refusé : %1</translation>
    </message>
    <message>
        <source>Code not recognised: %1</source>
        <translation>Code non reconnu : %1</translation>
    </message>
    <message>
        <source>This file cannot be read as an image: %1</source>
        <translation>Ce fichier ne peut pas être lu comme une image : %1</translation>
    </message>
    <message>
        <source>No code was found in this image.</source>
        <translation>Aucun code n&apos;a été trouvé dans cette image.</translation>
    </message>
    <message>
        <source>Scan an image</source>
        <translation>Scanner une image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>No labels printed.</source>
        <translation>Aucune étiquette imprimée.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed, from %1 to %2.</source>
        <translation>
            <numerusform>%n étiquette imprimée, de %1 à %2.</numerusform>
            <numerusform>%n étiquettes imprimées, de %1 à %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Résultats</translation>
    </message>
    <message>
        <source>No activation code left</source>
        <translation>Plus aucun code d&apos;activation</translation>
    </message>
    <message>
        <source>This positive result has no activation code: none is left. Its QR code will be made as soon as codes arrive; import a batch of codes now if you have one.</source>
        <translation>Ce résultat positif n&apos;a pas de code d&apos;activation : il n&apos;en reste plus aucun. Son QR code sera généré dès l&apos;arrivée de nouveaux codes ; importez dès maintenant un lot de codes si vous en avez un.</translation>
    </message>
    <message>
        <source>S&amp;ynchronisation</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>&amp;National server</source>
        <translation>Ser&amp;veur national</translation>
    </message>
    <message numerus="yes">
        <source>%n refused sign-in(s) on your account since your last sign-in, the last at %1</source>
        <translation>
            <numerusform>%n connexion refusée sur votre compte depuis votre dernière connexion, à %1</numerusform>
            <numerusform>%n connexions refusées sur votre compte depuis votre dernière connexion, la dernière à %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;?</source>
        <translation>&amp;?</translation>
    </message>
    <message>
        <source>&amp;About sidep-portal</source>
        <translation>&amp;À propos de sidep-portal</translation>
    </message>
    <message>
        <source>Connection to the national server</source>
        <translation>Connexion au serveur national</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Site &amp;figures</source>
        <translation>Tableau de &amp;bord</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>rien n&apos;attend</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting since %1</source>
        <translation>
            <numerusform>%n en attente depuis %1</numerusform>
            <numerusform>%n en attente depuis %1</numerusform>
        </translation>
    </message>
    <message>
        <source>National server: not set up</source>
        <translation>Serveur national : non configuré</translation>
    </message>
    <message>
        <source>National server</source>
        <translation>Serveur national</translation>
    </message>
    <message>
        <source>National server: out of reach, records kept</source>
        <translation>Serveur national : injoignable, fiches conservées</translation>
    </message>
    <message>
        <source>National server: sending</source>
        <translation>Serveur national : envoi en cours</translation>
    </message>
    <message>
        <source>National server: connected</source>
        <translation>Serveur national : connecté</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refusée</numerusform>
            <numerusform>%n refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>Label %1 printed again.</source>
        <translation>Étiquette %1 réimprimée.</translation>
    </message>
    <message>
        <source>A sampling is in progress in the form: save it or discard it first, then correct this record.</source>
        <translation>Un prélèvement est en cours de saisie : enregistrez-le ou abandonnez-le d&apos;abord, puis corrigez cette fiche.</translation>
    </message>
    <message>
        <source>Tube label refused: see the message at the tube field.</source>
        <translation>Étiquette de tube refusée : voir le message au champ du tube.</translation>
    </message>
    <message>
        <source>National server: this store went back in time, nothing is sent (see Sync)</source>
        <translation>Serveur national : cette base est revenue en arrière dans le temps, rien n&apos;est envoyé (voir Synchronisation)</translation>
    </message>
    <message>
        <source>This station&apos;s records were moved into the site database on %1: join it to go on working there.</source>
        <translation>Les dossiers de ce poste ont été déplacés dans la base de site le %1 : rejoignez-la pour continuer à travailler.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>version %1 of record %2 is not in the outbox</source>
        <translation>la version %1 de la fiche %2 n&apos;est pas dans la file d&apos;envoi</translation>
    </message>
    <message>
        <source>record %1 is damaged: the reason of its version %2 does not decrypt</source>
        <translation>la fiche %1 est endommagée : le motif de sa version %2 ne se déchiffre pas</translation>
    </message>
    <message>
        <source>record %1 is damaged: its version %2 was replaced without a copy</source>
        <translation>la fiche %1 est endommagée : sa version %2 a été remplacée sans copie</translation>
    </message>
    <message>
        <source>record %1 is damaged: the copy of its version %2 does not decrypt</source>
        <translation>la fiche %1 est endommagée : la copie de sa version %2 ne se déchiffre pas</translation>
    </message>
    <message>
        <source>record %1 is damaged: the result its version %2 cancelled does not decrypt</source>
        <translation>la fiche %1 est endommagée : le résultat que sa version %2 a annulé ne se déchiffre pas</translation>
    </message>
</context>
<context>
    <name>PasswordQuality</name>
    <message>
        <source>must not contain the user name</source>
        <translation>ne doit pas contenir le nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>is, or is built on, a dictionary word</source>
        <translation>est un mot du dictionnaire, ou construit sur un tel mot</translation>
    </message>
    <message>
        <source>must not read the same backwards</source>
        <translation>ne doit pas se lire de la même façon à l&apos;envers</translation>
    </message>
    <message>
        <source>repeats the same character too often</source>
        <translation>répète trop souvent le même caractère</translation>
    </message>
    <message>
        <source>must not contain a sequence such as 123456 or abcdef</source>
        <translation>ne doit pas contenir de suite comme 123456 ou abcdef</translation>
    </message>
    <message>
        <source>must have at least %1 characters</source>
        <translation>doit comporter au moins %1 caractères</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <source>is too easy to guess</source>
        <translation>est trop facile à deviner</translation>
    </message>
    <message>
        <source>password: must have at least %1 characters</source>
        <translation>mot de passe : doit comporter au moins %1 caractères</translation>
    </message>
    <message>
        <source>password: the password quality check cannot start</source>
        <translation>mot de passe : la vérification de la qualité du mot de passe ne peut pas démarrer</translation>
    </message>
    <message>
        <source>password: the dictionary of common passwords (cracklib-runtime) is missing; ask your administrator</source>
        <translation>mot de passe : le dictionnaire des mots de passe courants (cracklib-runtime) est absent ; adressez-vous à votre administrateur</translation>
    </message>
    <message>
        <source>password: %1</source>
        <translation>mot de passe : %1</translation>
    </message>
    <message>
        <source>password: one dictionary word with digits, symbols or repeats added is easy to guess; use several words</source>
        <translation>mot de passe : un seul mot du dictionnaire auquel on ajoute des chiffres, des symboles ou des répétitions se devine facilement ; utilisez plusieurs mots</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <source>male</source>
        <translation>masculin</translation>
    </message>
    <message>
        <source>female</source>
        <translation>féminin</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>sexe inconnu</translation>
    </message>
    <message>
        <source>sex not entered</source>
        <translation>sexe non saisi</translation>
    </message>
    <message>
        <source>provisional identity</source>
        <translation>identité provisoire</translation>
    </message>
    <message>
        <source>retrieved identity</source>
        <translation>identité récupérée</translation>
    </message>
    <message>
        <source>validated identity</source>
        <translation>identité validée</translation>
    </message>
    <message>
        <source>qualified identity (INS)</source>
        <translation>identité qualifiée (INS)</translation>
    </message>
    <message>
        <source>identity status not entered</source>
        <translation>statut de l&apos;identité non saisi</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semaine</numerusform>
            <numerusform>%n semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (usual name %2)</source>
        <translation>%1 (nom d&apos;usage %2)</translation>
    </message>
    <message>
        <source>born %1 (%2)</source>
        <translation>né(e) le %1 (%2)</translation>
    </message>
    <message>
        <source>birth date not entered</source>
        <translation>date de naissance non saisie</translation>
    </message>
    <message>
        <source>no INS number</source>
        <translation>sans matricule INS</translation>
    </message>
    <message>
        <source>INS %1</source>
        <translation>INS %1</translation>
    </message>
    <message>
        <source>sampled %1</source>
        <translation>prélevé le %1</translation>
    </message>
    <message>
        <source>INS %1 (wrong: to read again)</source>
        <translation>INS %1 (erroné : à relire)</translation>
    </message>
</context>
<context>
    <name>PostgresUrl</name>
    <message>
        <source>PostgreSQL URL: %1 is not a host or host:port</source>
        <translation>adresse PostgreSQL : %1 n&apos;est pas un hôte ni hôte:port</translation>
    </message>
    <message>
        <source>PostgreSQL URL: port %1 is not from 1 to 65535</source>
        <translation>adresse PostgreSQL : le port %1 n&apos;est pas compris entre 1 et 65535</translation>
    </message>
    <message>
        <source>a PostgreSQL URL is postgresql://user@host:port/database</source>
        <translation>une adresse PostgreSQL s&apos;écrit postgresql://utilisateur@hôte:port/base</translation>
    </message>
    <message>
        <source>the PostgreSQL password must not be in the URL, where every user of the machine can read it: put it in ~/.pgpass or the file named by PGPASSFILE (mode 0600, a line host:port:database:user:password), in a service file (?service=NAME, PGSERVICEFILE), or in PGPASSWORD</source>
        <translation>le mot de passe PostgreSQL ne doit pas figurer dans l&apos;adresse, que tout utilisateur de la machine peut lire : placez-le dans ~/.pgpass ou dans le fichier désigné par PGPASSFILE (mode 0600, une ligne hôte:port:base:utilisateur:mot de passe), dans un fichier de service (?service=NOM, PGSERVICEFILE) ou dans PGPASSWORD</translation>
    </message>
    <message>
        <source>PostgreSQL URL: the user name must not hold spaces, quotes, backslashes or &apos;;&apos;</source>
        <translation>adresse PostgreSQL : le nom d&apos;utilisateur ne doit contenir ni espace, ni guillemet, ni barre oblique inverse, ni « ; »</translation>
    </message>
    <message>
        <source>PostgreSQL URL parameter %1: not supported (use %2)</source>
        <translation>paramètre %1 de l&apos;adresse PostgreSQL : non pris en charge (utilisez %2)</translation>
    </message>
    <message>
        <source>PostgreSQL URL parameter %1: the value must not be empty nor hold spaces, quotes, backslashes or &apos;;&apos;</source>
        <translation>paramètre %1 de l&apos;adresse PostgreSQL : la valeur ne doit être ni vide ni contenir d&apos;espace, de guillemet, de barre oblique inverse ou de « ; »</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>there is nothing to encode</source>
        <translation>il n&apos;y a rien à encoder</translation>
    </message>
    <message>
        <source>the text is too long for a QR code</source>
        <translation>le texte est trop long pour un QR code</translation>
    </message>
</context>
<context>
    <name>QueueWidget</name>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>Sampling day</source>
        <translation>Jour du prélèvement</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <source>Record status</source>
        <translation>Statut de la fiche</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>Search by tube label or patient name</source>
        <translation>Rechercher par étiquette de tube ou nom du patient</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the selected record.</source>
        <translation>Appuyez sur Entrée ou double-cliquez pour ouvrir la fiche sélectionnée.</translation>
    </message>
    <message>
        <source>Number of records shown</source>
        <translation>Nombre de fiches affichées</translation>
    </message>
    <message>
        <source>Queue message</source>
        <translation>Message de la file d&apos;attente</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>Aucune base ouverte</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) found</source>
        <translation>
            <numerusform>%n fiche trouvée</numerusform>
            <numerusform>%n fiches trouvées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>La file d&apos;attente ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>Name, first name, &quot;first last&quot; or the end of a tube label, then Enter</source>
        <translation>Nom, prénom, « prénom nom » ou fin d&apos;étiquette de tube, puis Entrée</translation>
    </message>
    <message>
        <source>Press Enter to search. A whole tube label is tried first, then the start of the names (birth, usual and first names, in any order) and the end of tube labels.</source>
        <translation>Appuyez sur Entrée pour rechercher. Une étiquette de tube entière est cherchée d&apos;abord, puis le début des noms (de naissance, d&apos;usage et prénoms, dans n&apos;importe quel ordre) et la fin des étiquettes de tube.</translation>
    </message>
    <message>
        <source>Selected record</source>
        <translation>Fiche sélectionnée</translation>
    </message>
    <message>
        <source>The selected record</source>
        <translation>La fiche sélectionnée</translation>
    </message>
    <message>
        <source>Re&amp;print the tube label</source>
        <translation>Réim&amp;primer l&apos;étiquette du tube</translation>
    </message>
    <message>
        <source>C&amp;orrect this record...</source>
        <translation>C&amp;orriger cette fiche...</translation>
    </message>
    <message>
        <source>Select a record to see it here.</source>
        <translation>Sélectionnez une fiche pour la voir ici.</translation>
    </message>
    <message>
        <source>Tube: %1</source>
        <translation>Tube : %1</translation>
    </message>
    <message>
        <source>Status: %1 (version %2)</source>
        <translation>État : %1 (version %2)</translation>
    </message>
    <message>
        <source>Result: none yet</source>
        <translation>Résultat : pas encore</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Résultat : %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Téléphone : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>Courriel : %1</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>The patient</source>
        <translation>Le patient</translation>
    </message>
    <message>
        <source>A trusted relative</source>
        <translation>Un proche de confiance</translation>
    </message>
    <message>
        <source>Tube label</source>
        <translation>Étiquette du tube</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <source>First names at birth</source>
        <translation>Prénom(s) de naissance</translation>
    </message>
    <message>
        <source>Usual name</source>
        <translation>Nom usuel</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Place of birth (INSEE code)</source>
        <translation>Lieu de naissance (code INSEE)</translation>
    </message>
    <message>
        <source>INS number (NIR or NIA)</source>
        <translation>Matricule INS (NIR ou NIA)</translation>
    </message>
    <message>
        <source>INS number authority</source>
        <translation>Autorité d&apos;affectation du matricule INS</translation>
    </message>
    <message>
        <source>NIR</source>
        <translation>NIR</translation>
    </message>
    <message>
        <source>NIA</source>
        <translation>NIA</translation>
    </message>
    <message>
        <source>Test NIR</source>
        <translation>NIR de test</translation>
    </message>
    <message>
        <source>Demonstration NIR</source>
        <translation>NIR de démonstration</translation>
    </message>
    <message>
        <source>Identity status</source>
        <translation>Statut de l&apos;identité</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>Provisoire</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Récupérée</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiée</translation>
    </message>
    <message>
        <source>Social security number of the insured person</source>
        <translation>N° de sécurité sociale ouvrant-droit</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Address (continued)</source>
        <translation>Complément d&apos;adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Country (ISO code)</source>
        <translation>Pays (code ISO)</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Adresse électronique</translation>
    </message>
    <message>
        <source>Whose e-mail address</source>
        <translation>Titulaire de l&apos;adresse électronique</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone mobile</translation>
    </message>
    <message>
        <source>Whose mobile phone</source>
        <translation>Titulaire du téléphone mobile</translation>
    </message>
    <message>
        <source>Landline phone</source>
        <translation>Téléphone fixe</translation>
    </message>
    <message>
        <source>Current place of residence</source>
        <translation>Lieu de résidence actuel</translation>
    </message>
    <message>
        <source>Individual housing</source>
        <translation>Hébergement individuel</translation>
    </message>
    <message>
        <source>Hospitalised</source>
        <translation>Hospitalisé</translation>
    </message>
    <message>
        <source>Resident of a care home (EHPAD)</source>
        <translation>Résident en EHPAD</translation>
    </message>
    <message>
        <source>In prison</source>
        <translation>En milieu carcéral</translation>
    </message>
    <message>
        <source>Other collective accommodation</source>
        <translation>Autre structure d&apos;hébergement collectif</translation>
    </message>
    <message>
        <source>Works in the health system</source>
        <translation>Professionnel intervenant dans le système de santé</translation>
    </message>
    <message>
        <source>First symptoms</source>
        <translation>Date d&apos;apparition des premiers symptômes</translation>
    </message>
    <message>
        <source>No symptoms</source>
        <translation>Asymptomatique</translation>
    </message>
    <message>
        <source>Today or yesterday</source>
        <translation>Apparus ce jour ou hier</translation>
    </message>
    <message>
        <source>2 to 4 days ago</source>
        <translation>Entre 2 et 4 jours</translation>
    </message>
    <message>
        <source>5 to 7 days ago</source>
        <translation>Entre 5 et 7 jours</translation>
    </message>
    <message>
        <source>More than a week ago</source>
        <translation>Il y a plus d&apos;une semaine</translation>
    </message>
    <message>
        <source>Does not know</source>
        <translation>Ne sait pas</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Symptômes</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>Température / fièvre</translation>
    </message>
    <message>
        <source>Cough</source>
        <translation>Toux</translation>
    </message>
    <message>
        <source>Sore throat</source>
        <translation>Gorge irritée</translation>
    </message>
    <message>
        <source>Loss of taste or smell</source>
        <translation>Perte du goût ou de l&apos;odorat</translation>
    </message>
    <message>
        <source>Unusual tiredness or aches</source>
        <translation>Fatigue ou douleurs inhabituelles</translation>
    </message>
    <message>
        <source>Diarrhoea</source>
        <translation>Diarrhée</translation>
    </message>
    <message>
        <source>Difficulty breathing</source>
        <translation>Difficultés respiratoires</translation>
    </message>
    <message>
        <source>Prescriber: RPPS number</source>
        <translation>Médecin prescripteur : N° RPPS</translation>
    </message>
    <message>
        <source>Prescriber: ADELI number</source>
        <translation>Médecin prescripteur : N° ADELI</translation>
    </message>
    <message>
        <source>Prescriber: name</source>
        <translation>Médecin prescripteur : nom</translation>
    </message>
    <message>
        <source>Prescriber: first name</source>
        <translation>Médecin prescripteur : prénom</translation>
    </message>
    <message>
        <source>Prescriber: MSSanté address</source>
        <translation>Médecin prescripteur : messagerie sécurisée MSSanté</translation>
    </message>
    <message>
        <source>Prescriber: practice</source>
        <translation>Médecin prescripteur : structure d&apos;exercice</translation>
    </message>
    <message>
        <source>Prescriber: practice phone</source>
        <translation>Médecin prescripteur : téléphone de la structure d&apos;exercice</translation>
    </message>
    <message>
        <source>Treating physician: RPPS number</source>
        <translation>Médecin traitant : N° RPPS</translation>
    </message>
    <message>
        <source>Treating physician: ADELI number</source>
        <translation>Médecin traitant : N° ADELI</translation>
    </message>
    <message>
        <source>Treating physician: name</source>
        <translation>Médecin traitant : nom</translation>
    </message>
    <message>
        <source>Treating physician: first name</source>
        <translation>Médecin traitant : prénom</translation>
    </message>
    <message>
        <source>Treating physician: MSSanté address</source>
        <translation>Médecin traitant : messagerie sécurisée MSSanté</translation>
    </message>
    <message>
        <source>Sampling date and time</source>
        <translation>Date et heure du prélèvement</translation>
    </message>
    <message>
        <source>FINESS of the responsible laboratory</source>
        <translation>FINESS du LBM responsable</translation>
    </message>
    <message>
        <source>FINESS kind</source>
        <translation>Type de FINESS</translation>
    </message>
    <message>
        <source>Geographic</source>
        <translation>Géographique</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Entité juridique</translation>
    </message>
    <message>
        <source>&amp;1 Tube</source>
        <translation>&amp;1 Tube</translation>
    </message>
    <message>
        <source>&amp;2 Identity</source>
        <translation>&amp;2 Identité</translation>
    </message>
    <message>
        <source>&amp;3 Contact</source>
        <translation>&amp;3 Coordonnées</translation>
    </message>
    <message>
        <source>&amp;4 Situation</source>
        <translation>&amp;4 Situation</translation>
    </message>
    <message>
        <source>&amp;5 Physicians</source>
        <translation>&amp;5 Médecins</translation>
    </message>
    <message>
        <source>&amp;6 Sampling</source>
        <translation>&amp;6 Prélèvement</translation>
    </message>
    <message>
        <source>&amp;7 Review</source>
        <translation>&amp;7 Vérification</translation>
    </message>
</context>
<context>
    <name>RecordFormWidget</name>
    <message>
        <source>Form message</source>
        <translation>Message du formulaire</translation>
    </message>
    <message>
        <source>Sampling record pages</source>
        <translation>Pages de la fiche de prélèvement</translation>
    </message>
    <message>
        <source>Tube</source>
        <translation>Tube</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Physicians</source>
        <translation>Médecins</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>What is missing or wrong</source>
        <translation>Informations manquantes ou erronées</translation>
    </message>
    <message>
        <source>Reason for keeping the INS number</source>
        <translation>Motif de conservation du matricule INS</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>Aban&amp;donner</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation>%1 : message</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>The form in progress was restored.</source>
        <translation>Le formulaire en cours a été restauré.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Le brouillon n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>scan the printed label to check it before saving</source>
        <translation>scannez l&apos;étiquette imprimée pour la vérifier avant d&apos;enregistrer</translation>
    </message>
    <message>
        <source>To fix: %1: %2</source>
        <translation>À corriger : %1 : %2</translation>
    </message>
    <message>
        <source>Missing: %1: %2</source>
        <translation>Manquant : %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving.</source>
        <translation>
            <numerusform>%n point à corriger avant l&apos;enregistrement.</numerusform>
            <numerusform>%n points à corriger avant l&apos;enregistrement.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some information is missing: confirm to save without it.</source>
        <translation>Des informations manquent : confirmez pour enregistrer sans elles.</translation>
    </message>
    <message>
        <source>Saved. Ready for the next tube.</source>
        <translation>Enregistré. Prêt pour le tube suivant.</translation>
    </message>
    <message>
        <source>Not saved: see the list.</source>
        <translation>Non enregistré : voir la liste.</translation>
    </message>
    <message>
        <source>Discard this form?</source>
        <translation>Abandonner ce formulaire ?</translation>
    </message>
    <message>
        <source>Everything typed in this form will be lost.</source>
        <translation>Tout ce qui a été saisi dans ce formulaire sera perdu.</translation>
    </message>
    <message>
        <source>Label printed. Stick it on the tube and scan it to check it.</source>
        <translation>Étiquette imprimée. Collez-la sur le tube et scannez-la pour la vérifier.</translation>
    </message>
    <message>
        <source>The scanned label is not the one just printed: check the tube.</source>
        <translation>L&apos;étiquette scannée n&apos;est pas celle qui vient d&apos;être imprimée : vérifiez le tube.</translation>
    </message>
    <message>
        <source>Printed label checked.</source>
        <translation>Étiquette imprimée vérifiée.</translation>
    </message>
    <message>
        <source>Type the whole address on the first line (&quot;12 rue des Lilas 75012 Paris&quot;): the postal code and the town fill themselves.</source>
        <translation>Saisissez l&apos;adresse entière sur la première ligne (« 12 rue des Lilas 75012 Paris ») : le code postal et la commune se remplissent d&apos;eux-mêmes.</translation>
    </message>
    <message>
        <source>0 on the place of residence: the usual answers at once (individual housing, not working in the health system, no symptoms).</source>
        <translation>0 sur le lieu de résidence : les réponses habituelles d&apos;un coup (hébergement individuel, ne travaille pas dans le système de santé, pas de symptômes).</translation>
    </message>
    <message>
        <source>Read back to the patient before saving</source>
        <translation>À relire au patient avant d&apos;enregistrer</translation>
    </message>
    <message>
        <source>Contact and sampling to read back</source>
        <translation>Coordonnées et prélèvement à relire</translation>
    </message>
    <message>
        <source>Reason for the co&amp;rrection (kept in the record&apos;s history)</source>
        <translation>&amp;Motif de la correction (gardé dans l&apos;historique de la fiche)</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Motif de la correction</translation>
    </message>
    <message>
        <source>Reason for &amp;keeping an INS number that disagrees with sex or date of birth</source>
        <translation>Motif pour &amp;garder un matricule INS en désaccord avec le sexe ou la date de naissance</translation>
    </message>
    <message>
        <source>I c&amp;onfirm: save without the missing information listed</source>
        <translation>Je &amp;confirme : enregistrer sans les informations manquantes listées</translation>
    </message>
    <message>
        <source>Sa&amp;ve the sampling record</source>
        <translation>&amp;Enregistrer la fiche de prélèvement</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>Sui&amp;vant</translation>
    </message>
    <message>
        <source>Print a ne&amp;w label for this tube</source>
        <translation>&amp;Imprimer une nouvelle étiquette pour ce tube</translation>
    </message>
    <message>
        <source>Sa&amp;ve the correction</source>
        <translation>&amp;Enregistrer la correction</translation>
    </message>
    <message>
        <source>this tube label is already used at this site: take another tube or check the label</source>
        <translation>cette étiquette de tube est déjà utilisée sur ce site : prenez un autre tube ou vérifiez l&apos;étiquette</translation>
    </message>
    <message>
        <source>say why the saved record is corrected</source>
        <translation>dites pourquoi la fiche enregistrée est corrigée</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Mobile phone: %1</source>
        <translation>Téléphone mobile : %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>Courriel : %1</translation>
    </message>
    <message>
        <source>Tube: %1</source>
        <translation>Tube : %1</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>non scanné</translation>
    </message>
    <message>
        <source>Sampled: %1</source>
        <translation>Prélevé le : %1</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Everything is filled in. Read the card back to the patient, then press Save.</source>
        <translation>Tout est rempli. Relisez la carte au patient, puis enregistrez.</translation>
    </message>
    <message>
        <source>Correction saved (version %1). Ready for the next tube.</source>
        <translation>Correction enregistrée (version %1). Prêt pour le tube suivant.</translation>
    </message>
    <message>
        <source>Correcting the saved record of tube %1 (version %2): change what is wrong, then give the reason on the review page. Discard leaves it as it was.</source>
        <translation>Correction de la fiche enregistrée du tube %1 (version %2) : modifiez ce qui est faux, puis donnez le motif sur la page de vérification. Abandonner la laisse telle qu&apos;elle était.</translation>
    </message>
</context>
<context>
    <name>RecordKeys</name>
    <message>
        <source>the key of record %1 does not open: the store is damaged</source>
        <translation>la clé de la fiche %1 ne s&apos;ouvre pas : la base est endommagée</translation>
    </message>
</context>
<context>
    <name>RecordPurge</name>
    <message>
        <source>%1: must be a whole number of days from %2 to %3 (how long a record stays on the workstation after the national server has it)</source>
        <translation>%1 : doit être un nombre entier de jours compris entre %2 et %3 (durée pendant laquelle une fiche reste sur le poste une fois reçue par le serveur national)</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
</context>
<context>
    <name>RecordQueueModel</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Awaiting result</source>
        <translation>En attente de résultat</translation>
    </message>
    <message>
        <source>Resulted</source>
        <translation>Résultat rendu</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Purgée</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagée</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(illisible)</translation>
    </message>
    <message>
        <source>This record does not decrypt. It is kept aside; an administrator can check the store.</source>
        <translation>Cette fiche ne peut pas être déchiffrée. Elle est mise de côté ; un administrateur peut vérifier la base.</translation>
    </message>
    <message>
        <source>Sampled at</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <source>Tube label</source>
        <translation>Étiquette du tube</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positif</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>négatif</translation>
    </message>
    <message>
        <source>uninterpretable</source>
        <translation>ininterprétable</translation>
    </message>
    <message>
        <source>non-compliant sample</source>
        <translation>prélèvement non conforme</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
</context>
<context>
    <name>RecordSeal</name>
    <message>
        <source>no record %1</source>
        <translation>fiche %1 introuvable</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>a result is entered on its own, once the sample is saved</source>
        <translation>un résultat se saisit séparément, une fois le prélèvement enregistré</translation>
    </message>
    <message>
        <source>this tube label is already used at this site</source>
        <translation>cette étiquette de tube est déjà utilisée sur ce site</translation>
    </message>
    <message>
        <source>not saved: the record breaks the rules listed</source>
        <translation>non enregistré : la fiche enfreint les règles listées</translation>
    </message>
    <message>
        <source>not saved: confirm the warnings listed to save anyway</source>
        <translation>non enregistré : confirmez les avertissements listés pour enregistrer malgré tout</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>non enregistré : %1</translation>
    </message>
    <message>
        <source>no record %1</source>
        <translation>fiche %1 introuvable</translation>
    </message>
    <message>
        <source>record %1 is damaged: its %2 data does not decrypt</source>
        <translation>la fiche %1 est endommagée : ses données %2 ne peuvent pas être déchiffrées</translation>
    </message>
    <message>
        <source>record %1 is damaged: its tube label does not match its index</source>
        <translation>la fiche %1 est endommagée : son étiquette de tube ne correspond pas à son index</translation>
    </message>
    <message>
        <source>no record has this tube label</source>
        <translation>aucune fiche ne porte cette étiquette de tube</translation>
    </message>
    <message>
        <source>record %1 was purged: the national server has it and its identifying data was erased from this workstation after the retention window</source>
        <translation>la fiche %1 a été purgée : le serveur national l&apos;a reçue et ses données d&apos;identification ont été effacées de ce poste à l&apos;issue du délai de conservation</translation>
    </message>
    <message>
        <source>a correction of a saved record needs a reason</source>
        <translation>la correction d&apos;une fiche enregistrée demande un motif</translation>
    </message>
    <message>
        <source>not saved: the correction breaks the rules listed</source>
        <translation>non enregistré : la correction enfreint les règles listées</translation>
    </message>
    <message>
        <source>a result is corrected on its own, from the results screen</source>
        <translation>un résultat se corrige à part, depuis l&apos;écran des résultats</translation>
    </message>
    <message>
        <source>record %1 is damaged: its result does not decrypt</source>
        <translation>la fiche %1 est endommagée : son résultat ne se déchiffre pas</translation>
    </message>
    <message>
        <source>record %1 is damaged: its status or version was edited in the file</source>
        <translation>la fiche %1 est endommagée : son statut ou sa version a été modifié dans le fichier</translation>
    </message>
</context>
<context>
    <name>RecordValidator</name>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>is missing; confirm to save without it</source>
        <translation>est manquant ; confirmez pour enregistrer sans</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>doit être l&apos;une des valeurs suivantes : %1</translation>
    </message>
    <message>
        <source>lists a value twice</source>
        <translation>contient deux fois la même valeur</translation>
    </message>
    <message>
        <source>must be %1 characters or fewer</source>
        <translation>doit comporter au plus %1 caractères</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>est dans le futur</translation>
    </message>
    <message>
        <source>a birth name or a usual name is required</source>
        <translation>un nom de naissance ou un nom usuel est obligatoire</translation>
    </message>
    <message>
        <source>gives an age over %1 years</source>
        <translation>correspond à un âge de plus de %1 ans</translation>
    </message>
    <message>
        <source>is given without an INS matricule</source>
        <translation>est renseigné sans matricule INS</translation>
    </message>
    <message>
        <source>must have 3 lines or fewer</source>
        <translation>doit comporter au plus 3 lignes</translation>
    </message>
    <message>
        <source>neither an e-mail address nor a mobile phone; confirm that the patient has neither</source>
        <translation>ni adresse électronique ni téléphone mobile ; confirmez que le patient n&apos;a ni l&apos;un ni l&apos;autre</translation>
    </message>
    <message>
        <source>must be empty for an asymptomatic patient</source>
        <translation>doit être vide pour un patient asymptomatique</translation>
    </message>
    <message>
        <source>an RPPS or ADELI number is required for a known physician</source>
        <translation>un N° RPPS ou ADELI est obligatoire lorsque le médecin est renseigné</translation>
    </message>
    <message>
        <source>must be 4 to 40 printable ASCII characters</source>
        <translation>doit comporter de 4 à 40 caractères ASCII imprimables</translation>
    </message>
    <message>
        <source>is more than %1 days ago; confirm the sampling time</source>
        <translation>remonte à plus de %1 jours ; confirmez l&apos;heure du prélèvement</translation>
    </message>
    <message>
        <source>must be a SNOMED CT code of 6 to 18 digits</source>
        <translation>doit être un code SNOMED CT de 6 à 18 chiffres</translation>
    </message>
    <message>
        <source>is before the sampling time</source>
        <translation>précède l&apos;heure du prélèvement</translation>
    </message>
    <message>
        <source>is not a PDF document</source>
        <translation>n&apos;est pas un document PDF</translation>
    </message>
    <message>
        <source>is larger than 10 MiB</source>
        <translation>dépasse 10 Mio</translation>
    </message>
    <message>
        <source>is only given for a positive result</source>
        <translation>ne s&apos;applique qu&apos;à un résultat positif</translation>
    </message>
    <message>
        <source>or choose a lower identity status</source>
        <translation>ou choisissez un statut d&apos;identité inférieur</translation>
    </message>
    <message>
        <source>is required for a qualified identity (an identity is qualified only with its INS); enter the INS %1</source>
        <translation>est obligatoire pour une identité qualifiée (une identité n&apos;est qualifiée qu&apos;avec son INS) ; saisissez l&apos;INS %1</translation>
    </message>
    <message>
        <source>is required for a qualified identity (one of the five INS traits); enter the birth name %1</source>
        <translation>est obligatoire pour une identité qualifiée (l&apos;un des cinq traits INS) ; saisissez le nom de naissance %1</translation>
    </message>
    <message>
        <source>is required for a qualified identity (one of the five INS traits): enter the INSEE code of the birth commune, or 99 and the country&apos;s code when born abroad, %1</source>
        <translation>est obligatoire pour une identité qualifiée (l&apos;un des cinq traits INS) : saisissez le code INSEE de la commune de naissance, ou 99 suivi du code du pays pour une naissance à l&apos;étranger, %1</translation>
    </message>
</context>
<context>
    <name>ResultEntryWidget</name>
    <message>
        <source>&amp;Tube label</source>
        <translation>Éti&amp;quette du tube</translation>
    </message>
    <message>
        <source>Tube label to open</source>
        <translation>Étiquette du tube à ouvrir</translation>
    </message>
    <message>
        <source>Scan or type the tube label, then Enter</source>
        <translation>Scannez ou saisissez l&apos;étiquette du tube, puis Entrée</translation>
    </message>
    <message>
        <source>The open record</source>
        <translation>La fiche ouverte</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Res&amp;ult</source>
        <translation>Rés&amp;ultat</translation>
    </message>
    <message>
        <source>Non-conformity reason</source>
        <translation>Motif de non-conformité</translation>
    </message>
    <message>
        <source>&amp;Validated at</source>
        <translation>&amp;Validé le</translation>
    </message>
    <message>
        <source>Validation date and time</source>
        <translation>Date et heure de validation</translation>
    </message>
    <message>
        <source>Lab re&amp;port (PDF)</source>
        <translation>Compte rendu (&amp;PDF)</translation>
    </message>
    <message>
        <source>Attached report</source>
        <translation>Compte rendu joint</translation>
    </message>
    <message>
        <source>Attac&amp;h...</source>
        <translation>&amp;Joindre...</translation>
    </message>
    <message>
        <source>&amp;Enter the result</source>
        <translation>Sa&amp;isir le résultat</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the result...</source>
        <translation>Annu&amp;ler le résultat...</translation>
    </message>
    <message>
        <source>Activation QR code</source>
        <translation>QR code d&apos;activation</translation>
    </message>
    <message>
        <source>Result history</source>
        <translation>Historique du résultat</translation>
    </message>
    <message>
        <source>Result message</source>
        <translation>Message de l&apos;écran des résultats</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Uninterpretable</source>
        <translation>Ininterprétable</translation>
    </message>
    <message>
        <source>Non-compliant</source>
        <translation>Non conforme</translation>
    </message>
    <message>
        <source>%1 rapid antigen test</source>
        <translation>%1 – test antigénique rapide</translation>
    </message>
    <message>
        <source>%1 RT-PCR</source>
        <translation>%1 – RT-PCR</translation>
    </message>
    <message>
        <source>Scan a tube to open its record.</source>
        <translation>Scannez un tube pour ouvrir sa fiche.</translation>
    </message>
    <message>
        <source>Tube %1, sampled %2. </source>
        <translation>Tube %1, prélevé le %2. </translation>
    </message>
    <message>
        <source>Result: %1 (version %2).</source>
        <translation>Résultat : %1 (version %2).</translation>
    </message>
    <message>
        <source>No activation code yet: it comes as soon as codes arrive.</source>
        <translation>Pas encore de code d&apos;activation : il sera attribué dès l&apos;arrivée de nouveaux codes.</translation>
    </message>
    <message>
        <source>Two entries disagree: nothing is validated. Check the tube.</source>
        <translation>Les deux saisies divergent : rien n&apos;est validé. Vérifiez le tube.</translation>
    </message>
    <message>
        <source>Awaiting result.</source>
        <translation>En attente de résultat.</translation>
    </message>
    <message>
        <source>Version %1: %2, replaced by a %3 on %4: %5</source>
        <translation>Version %1 : %2, remplacée (%3) le %4 : %5</translation>
    </message>
    <message>
        <source>Result validated for tube %1.</source>
        <translation>Résultat validé pour le tube %1.</translation>
    </message>
    <message>
        <source>Positive entered. A second user must enter this tube&apos;s result too, without seeing yours, before it is validated.</source>
        <translation>Positif saisi. Un second utilisateur doit également saisir le résultat de ce tube, sans voir le vôtre, avant qu&apos;il soit validé.</translation>
    </message>
    <message>
        <source>This entry disagrees with another user&apos;s: nothing is validated. Check the tube and enter it again.</source>
        <translation>Cette saisie diffère de celle d&apos;un autre utilisateur : rien n&apos;est validé. Vérifiez le tube et saisissez à nouveau le résultat.</translation>
    </message>
    <message>
        <source>Choose the corrected result, then press Correct again.</source>
        <translation>Choisissez le résultat corrigé, puis cliquez de nouveau sur Corriger.</translation>
    </message>
    <message>
        <source>Correct the result</source>
        <translation>Corriger le résultat</translation>
    </message>
    <message>
        <source>Why is the result corrected?</source>
        <translation>Pour quel motif le résultat est-il corrigé ?</translation>
    </message>
    <message>
        <source>Result corrected; it will be sent again as a correction.</source>
        <translation>Résultat corrigé ; il sera transmis à nouveau en tant que correction.</translation>
    </message>
    <message>
        <source>Cancel the result</source>
        <translation>Annuler le résultat</translation>
    </message>
    <message>
        <source>Why is the result cancelled?</source>
        <translation>Pour quel motif le résultat est-il annulé ?</translation>
    </message>
    <message>
        <source>Result cancelled; the cancellation will be sent.</source>
        <translation>Résultat annulé ; l&apos;annulation sera transmise.</translation>
    </message>
    <message numerus="yes">
        <source>Activation code: %1 (hidden again in %n second(s))</source>
        <translation>
            <numerusform>Code d&apos;activation : %1 (de nouveau masqué dans %n seconde)</numerusform>
            <numerusform>Code d&apos;activation : %1 (de nouveau masqué dans %n secondes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the slip again</source>
        <translation>Réimprimer le bulletin</translation>
    </message>
    <message>
        <source>This slip was already printed. Why print it again?</source>
        <translation>Ce bulletin a déjà été imprimé. Pour quel motif le réimprimer ?</translation>
    </message>
    <message>
        <source>Slip written to %1.</source>
        <translation>Bulletin enregistré dans %1.</translation>
    </message>
    <message>
        <source>Slip printed.</source>
        <translation>Bulletin imprimé.</translation>
    </message>
    <message>
        <source>Attach the lab report</source>
        <translation>Joindre le compte rendu de laboratoire</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report must be a readable PDF of 10 MiB or less.</source>
        <translation>Le compte rendu doit être un PDF lisible de 10 Mio au maximum.</translation>
    </message>
    <message>
        <source>Save the lab report</source>
        <translation>Enregistrer le compte rendu de laboratoire</translation>
    </message>
    <message>
        <source>The report cannot be saved there.</source>
        <translation>Le compte rendu ne peut pas être enregistré à cet emplacement.</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>Compte rendu enregistré.</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>correction</translation>
    </message>
    <message>
        <source>Rac&amp;k mode: scan, key, scan, key</source>
        <translation>&amp;Mode portoir : scanner, saisir, scanner, saisir</translation>
    </message>
    <message>
        <source>Results keyed in this rack</source>
        <translation>Résultats saisis dans ce portoir</translation>
    </message>
    <message>
        <source>Ne&amp;xt rack</source>
        <translation>Nouveau p&amp;ortoir</translation>
    </message>
    <message>
        <source>Non-confor&amp;mity reason</source>
        <translation>Motif de non-&amp;conformité</translation>
    </message>
    <message>
        <source>Save the rep&amp;ort to a file...</source>
        <translation>Enre&amp;gistrer le compte rendu dans un fichier...</translation>
    </message>
    <message>
        <source>Correct the resu&amp;lt...</source>
        <translation>Corrig&amp;er le résultat...</translation>
    </message>
    <message>
        <source>Sho&amp;w the QR code</source>
        <translation>Affic&amp;her le code QR</translation>
    </message>
    <message>
        <source>Pr&amp;int the slip</source>
        <translation>Imprimer le bor&amp;dereau</translation>
    </message>
    <message numerus="yes">
        <source>This rack: %n tube(s) keyed</source>
        <translation>
            <numerusform>Ce portoir : %n tube saisi</numerusform>
            <numerusform>Ce portoir : %n tubes saisis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n positive</source>
        <translation>
            <numerusform>%n positif</numerusform>
            <numerusform>%n positifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n negative</source>
        <translation>
            <numerusform>%n négatif</numerusform>
            <numerusform>%n négatifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Check these counts against the rack before leaving it.</source>
        <translation>Vérifiez ces nombres sur le portoir avant de le quitter.</translation>
    </message>
    <message>
        <source>Tube %1: %2</source>
        <translation>Tube %1 : %2</translation>
    </message>
    <message>
        <source>You entered this result: another user must enter it too.</source>
        <translation>Vous avez saisi ce résultat : un autre utilisateur doit le saisir aussi.</translation>
    </message>
    <message>
        <source>Second entry required: read the tube and enter the result.</source>
        <translation>Seconde saisie requise : lisez le tube et saisissez le résultat.</translation>
    </message>
    <message>
        <source>correction of the sampling record</source>
        <translation>correction de la fiche de prélèvement</translation>
    </message>
    <message>
        <source>Positive result validated for tube %1.</source>
        <translation>Résultat positif validé pour le tube %1.</translation>
    </message>
    <message>
        <source>Two corrections disagree: the result is unchanged. Check the tube.</source>
        <translation>Deux corrections divergent : le résultat est inchangé. Vérifiez le tube.</translation>
    </message>
    <message>
        <source>You entered a correction: another user must enter it too.</source>
        <translation>Vous avez saisi une correction : un autre utilisateur doit la saisir aussi.</translation>
    </message>
    <message>
        <source>A correction waits for a second entry: read the tube and correct the result.</source>
        <translation>Une correction attend une seconde saisie : lisez le tube et corrigez le résultat.</translation>
    </message>
    <message>
        <source>Correction to positive entered. A second user must enter the same correction too, without seeing yours, before the result changes.</source>
        <translation>Correction en positif saisie. Un second utilisateur doit saisir la même correction, sans voir la vôtre, avant que le résultat change.</translation>
    </message>
    <message>
        <source>This correction disagrees with another user&apos;s: the result is unchanged. Check the tube and correct it again.</source>
        <translation>Cette correction diverge de celle d&apos;un autre utilisateur : le résultat est inchangé. Vérifiez le tube et corrigez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>ResultSlip</name>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>Ininterprétable</translation>
    </message>
    <message>
        <source>Non-conforming sample</source>
        <translation>Prélèvement non conforme</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Réimpression</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>COVID-19 test result</source>
        <translation>Résultat de test COVID-19</translation>
    </message>
    <message>
        <source>Corrected result (version %1)</source>
        <translation>Résultat corrigé (version %1)</translation>
    </message>
    <message>
        <source>SARS-CoV-2 rapid antigen test</source>
        <translation>Test antigénique rapide SARS-CoV-2</translation>
    </message>
    <message>
        <source>RT-PCR SARS-CoV-2</source>
        <translation>RT-PCR SARS-CoV-2</translation>
    </message>
    <message>
        <source>Sampling site</source>
        <translation>Lieu de prélèvement</translation>
    </message>
    <message>
        <source>Tube label</source>
        <translation>Numéro de prélèvement</translation>
    </message>
    <message>
        <source>Sampled on</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Validated on</source>
        <translation>Validé le</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Reason for non-conformity: %1</source>
        <translation>Motif de non-conformité : %1</translation>
    </message>
    <message>
        <source>Scan this QR code with the TousAntiCovid application to declare your positive test anonymously, or type the code below.</source>
        <translation>Scannez ce QR code avec l&apos;application TousAntiCovid pour déclarer anonymement votre test positif, ou saisissez le code ci-dessous.</translation>
    </message>
    <message>
        <source>Activation code: %1</source>
        <translation>Code d&apos;activation : %1</translation>
    </message>
    <message>
        <source>Isolate yourself now. Tell the people you have been in close contact with to get tested. Keep applying the protective measures: wear a mask, wash your hands often, keep your distance, air rooms.</source>
        <translation>Isolez-vous dès maintenant. Prévenez les personnes avec qui vous avez été en contact rapproché pour qu&apos;elles se fassent tester. Continuez d&apos;appliquer les gestes barrières : portez un masque, lavez-vous souvent les mains, gardez vos distances, aérez les pièces.</translation>
    </message>
    <message>
        <source>A negative result does not protect you from a later infection. Keep applying the protective measures: wear a mask, wash your hands often, keep your distance, air rooms.</source>
        <translation>Un résultat négatif ne vous protège pas d&apos;une infection ultérieure. Continuez d&apos;appliquer les gestes barrières : portez un masque, lavez-vous souvent les mains, gardez vos distances, aérez les pièces.</translation>
    </message>
    <message>
        <source>This sample could not give a result: a new test is needed. Until then, keep applying the protective measures.</source>
        <translation>Ce prélèvement n&apos;a pas permis de rendre un résultat : un nouveau test est nécessaire. D&apos;ici là, continuez d&apos;appliquer les gestes barrières.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>cannot write %1: the PDF could not be started</source>
        <translation>impossible d&apos;écrire %1 : la création du PDF n&apos;a pas pu démarrer</translation>
    </message>
</context>
<context>
    <name>ResultStore</name>
    <message>
        <source>no record %1</source>
        <translation>fiche %1 introuvable</translation>
    </message>
    <message>
        <source>record %1 is damaged: its result does not decrypt</source>
        <translation>la fiche %1 est endommagée : son résultat ne peut pas être déchiffré</translation>
    </message>
    <message>
        <source>this record already has a validated result: enter a correction</source>
        <translation>cette fiche a déjà un résultat validé : saisissez une correction</translation>
    </message>
    <message>
        <source>this record cannot take a result in its state (%1)</source>
        <translation>cette fiche ne peut pas recevoir de résultat dans son état actuel (%1)</translation>
    </message>
    <message>
        <source>not saved: the result breaks the rules listed</source>
        <translation>non enregistré : le résultat enfreint les règles listées</translation>
    </message>
    <message>
        <source>record %1 is damaged: a pending result entry does not decrypt</source>
        <translation>la fiche %1 est endommagée : une saisie de résultat en attente ne peut pas être déchiffrée</translation>
    </message>
    <message>
        <source>this result has no lab report</source>
        <translation>ce résultat n&apos;a pas de compte rendu de laboratoire</translation>
    </message>
    <message>
        <source>record %1 is damaged: its report does not decrypt</source>
        <translation>la fiche %1 est endommagée : son compte rendu ne peut pas être déchiffré</translation>
    </message>
    <message>
        <source>a correction or a cancellation needs a reason</source>
        <translation>une correction ou une annulation nécessite un motif</translation>
    </message>
    <message>
        <source>not saved: the correction breaks the rules listed</source>
        <translation>non enregistré : la correction enfreint les règles listées</translation>
    </message>
    <message>
        <source>only a validated result can be corrected or cancelled</source>
        <translation>seul un résultat validé peut être corrigé ou annulé</translation>
    </message>
    <message>
        <source>this result is already cancelled</source>
        <translation>ce résultat est déjà annulé</translation>
    </message>
    <message>
        <source>record %1 is damaged: its result history does not decrypt</source>
        <translation>la fiche %1 est endommagée : l&apos;historique de son résultat ne peut pas être déchiffré</translation>
    </message>
    <message>
        <source>an activation QR code exists only for a validated positive result</source>
        <translation>un QR code d&apos;activation n&apos;existe que pour un résultat positif validé</translation>
    </message>
    <message>
        <source>no activation code yet: import codes and it is given at once</source>
        <translation>pas encore de code d&apos;activation : importez des codes et il sera attribué aussitôt</translation>
    </message>
    <message>
        <source>a result slip is printed only for a validated result</source>
        <translation>un bulletin de résultat ne s&apos;imprime que pour un résultat validé</translation>
    </message>
    <message>
        <source>no activation code yet for this positive result: import codes first</source>
        <translation>pas encore de code d&apos;activation pour ce résultat positif : importez d&apos;abord des codes</translation>
    </message>
    <message>
        <source>this slip was already printed: a reprint needs a reason</source>
        <translation>ce bulletin a déjà été imprimé : une réimpression nécessite un motif</translation>
    </message>
    <message>
        <source>record %1 was purged: the national server has its result and its data was erased from this workstation after the retention window</source>
        <translation>la fiche %1 a été purgée : le serveur national a reçu son résultat et ses données ont été effacées de ce poste à l&apos;issue du délai de conservation</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>record %1 is damaged: its status or version was edited in the file</source>
        <translation>la fiche %1 est endommagée : son statut ou sa version a été modifié dans le fichier</translation>
    </message>
</context>
<context>
    <name>SamplingRecord</name>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>doit être une liste de chaînes de caractères</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit valoir true ou false</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>neither base64 of a PDF nor a readable file</source>
        <translation>n&apos;est ni un PDF en base64 ni un fichier lisible</translation>
    </message>
    <message>
        <source>the report is larger than 10 MiB</source>
        <translation>le compte rendu dépasse 10 Mio</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>doit être un UUID</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>statut inconnu</translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation>doit valoir au moins 1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up this workstation</source>
        <translation>Configurer ce poste de travail</translation>
    </message>
    <message>
        <source>The sampling site</source>
        <translation>Le site de prélèvement</translation>
    </message>
    <message>
        <source>The FINESS number of the laboratory that receives this site&apos;s samples.</source>
        <translation>Le numéro FINESS du laboratoire qui reçoit les prélèvements de ce site.</translation>
    </message>
    <message>
        <source>Site &amp;FINESS</source>
        <translation>&amp;FINESS du site</translation>
    </message>
    <message>
        <source>Site FINESS</source>
        <translation>FINESS du site</translation>
    </message>
    <message>
        <source>9 characters, e.g. 750712184</source>
        <translation>9 caractères, p. ex. 750712184</translation>
    </message>
    <message>
        <source>Site &amp;name</source>
        <translation>&amp;Nom du site</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Nom du site</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <source>The administrator creates the other accounts. Passwords have at least 12 characters.</source>
        <translation>L&apos;administrateur crée les autres comptes. Les mots de passe comportent au moins 12 caractères.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Nom d&apos;utilisateur de l&apos;administrateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Mot de passe de l&apos;administrateur</translation>
    </message>
    <message>
        <source>&amp;Same password again</source>
        <translation>&amp;Confirmer le mot de passe</translation>
    </message>
    <message>
        <source>Administrator password again</source>
        <translation>Confirmation du mot de passe de l&apos;administrateur</translation>
    </message>
    <message>
        <source>The recovery key</source>
        <translation>La clé de récupération</translation>
    </message>
    <message>
        <source>This key opens the store and resets passwords if every administrator password is lost. It is shown only now: write it down and keep it away from this computer.</source>
        <translation>Cette clé ouvre la base et permet de réinitialiser les mots de passe si tous les mots de passe administrateur sont perdus. Elle n&apos;est affichée qu&apos;une seule fois : notez-la et conservez-la à l&apos;écart de cet ordinateur.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>I have written the recovery key down and put it away</source>
        <translation>J&apos;ai noté la clé de récupération et l&apos;ai rangée en lieu sûr</translation>
    </message>
    <message>
        <source>Site FINESS: %1</source>
        <translation>FINESS du site : %1</translation>
    </message>
    <message>
        <source>User name: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Nom d&apos;utilisateur : utilisez des lettres minuscules, des chiffres, &apos;.&apos;, &apos;_&apos; ou &apos;-&apos;</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <source>A standalone station keeps its records on this computer. The stations of a site that shares one database (PostgreSQL, set up by the site&apos;s administrator) see the same records, accounts and labels.</source>
        <translation>Un poste autonome conserve ses fiches sur cet ordinateur. Les postes d&apos;un site qui partagent une base (PostgreSQL, mise en place par l&apos;administrateur du site) voient les mêmes fiches, comptes et étiquettes.</translation>
    </message>
    <message>
        <source>&amp;1 Standalone station (the records on this computer)</source>
        <translation>&amp;1 Poste autonome (les fiches sur cet ordinateur)</translation>
    </message>
    <message>
        <source>&amp;2 Join the site database</source>
        <translation>&amp;2 Rejoindre la base du site</translation>
    </message>
    <message>
        <source>Site database address</source>
        <translation>Adresse de la base du site</translation>
    </message>
    <message>
        <source>postgresql://user@host/database?sslmode=verify-full</source>
        <translation>postgresql://utilisateur@hôte/base?sslmode=verify-full</translation>
    </message>
    <message>
        <source>Site database: the address starts with postgresql:// (ask the site&apos;s administrator for it)</source>
        <translation>Base du site : l&apos;adresse commence par postgresql:// (demandez-la à l&apos;administrateur du site)</translation>
    </message>
    <message>
        <source>Site database: %1</source>
        <translation>Base du site : %1</translation>
    </message>
</context>
<context>
    <name>SidepCtl</name>
    <message>
        <source>option --%1 needs a value</source>
        <translation>l&apos;option --%1 nécessite une valeur</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue « %1 »</translation>
    </message>
    <message>
        <source>sidepctl: %1</source>
        <translation>sidepctl : %1</translation>
    </message>
    <message>
        <source>Try &apos;sidepctl --help&apos;.</source>
        <translation>Essayez « sidepctl --help ».</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>Same password again: </source>
        <translation>Confirmez le mot de passe : </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Recovery key: </source>
        <translation>Clé de récupération : </translation>
    </message>
    <message>
        <source>no recovery key on standard input</source>
        <translation>aucune clé de récupération sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>this command needs --user NAME</source>
        <translation>cette commande nécessite --user NOM</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Mot de passe de %1 : </translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>aucun mot de passe sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>site FINESS: %1</source>
        <translation>FINESS du site : %1</translation>
    </message>
    <message>
        <source>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>nom d&apos;utilisateur : utilisez de 1 à 64 lettres minuscules, chiffres, &apos;.&apos;, &apos;_&apos; ou &apos;-&apos;</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Nouveau mot de passe de %1 : </translation>
    </message>
    <message>
        <source>Store created: %1</source>
        <translation>Base créée : %1</translation>
    </message>
    <message>
        <source>Recovery key (shown once; keep it somewhere safe, away from this computer):</source>
        <translation>Clé de récupération (affichée une seule fois ; conservez-la en lieu sûr, à l&apos;écart de cet ordinateur) :</translation>
    </message>
    <message>
        <source>user %1 needs a user name</source>
        <translation>user %1 nécessite un nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>no user named %1</source>
        <translation>aucun utilisateur nommé %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>User %1 disabled.</source>
        <translation>Utilisateur %1 désactivé.</translation>
    </message>
    <message>
        <source>user add needs --role nurse, lab or admin</source>
        <translation>user add nécessite --role nurse, lab ou admin</translation>
    </message>
    <message>
        <source>no password for %1 on standard input</source>
        <translation>aucun mot de passe pour %1 sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>Utilisateur %1 créé.</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>Mot de passe de %1 modifié.</translation>
    </message>
    <message>
        <source>New recovery key (the previous one no longer works):</source>
        <translation>Nouvelle clé de récupération (la précédente ne fonctionne plus) :</translation>
    </message>
    <message>
        <source>check needs one of %1 and a value</source>
        <translation>check nécessite l&apos;un des types %1 et une valeur</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>invalide : %1</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>fichier : %1</translation>
    </message>
    <message>
        <source>damaged: record %1 (%2 does not decrypt; kept aside)</source>
        <translation>endommagée : fiche %1 (impossible de déchiffrer %2 ; mise de côté)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) checked</source>
        <translation>
            <numerusform>%n fiche vérifiée</numerusform>
            <numerusform>%n fiches vérifiées</numerusform>
        </translation>
    </message>
    <message>
        <source>store intact</source>
        <translation>base intacte</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>%n endommagée</numerusform>
            <numerusform>%n endommagées</numerusform>
        </translation>
    </message>
    <message>
        <source>audit log intact</source>
        <translation>journal d&apos;audit intact</translation>
    </message>
    <message>
        <source>By status:</source>
        <translation>Par statut :</translation>
    </message>
    <message>
        <source>By sampling day:</source>
        <translation>Par jour de prélèvement :</translation>
    </message>
    <message>
        <source>Damaged records kept aside: %1</source>
        <translation>Fiches endommagées mises de côté : %1</translation>
    </message>
    <message>
        <source>record add takes one file</source>
        <translation>record add prend un seul fichier</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>the input is not JSON: %1 at offset %2</source>
        <translation>l&apos;entrée n&apos;est pas du JSON : %1 à la position %2</translation>
    </message>
    <message>
        <source>the input must be a JSON object or an array of objects</source>
        <translation>l&apos;entrée doit être un objet JSON ou un tableau d&apos;objets</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>doit être un objet JSON</translation>
    </message>
    <message>
        <source>not saved: the record breaks the rules listed</source>
        <translation>non enregistré : la fiche enfreint les règles listées</translation>
    </message>
    <message>
        <source>record %1: </source>
        <translation>fiche %1 : </translation>
    </message>
    <message>
        <source>Only warnings: add --accept-warnings to save anyway.</source>
        <translation>Uniquement des avertissements : ajoutez --accept-warnings pour enregistrer malgré tout.</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation>statut inconnu « %1 »</translation>
    </message>
    <message>
        <source>(damaged)</source>
        <translation>(endommagée)</translation>
    </message>
    <message>
        <source>give a record id or --tube LABEL</source>
        <translation>indiquez un identifiant de fiche ou --tube ÉTIQUETTE</translation>
    </message>
    <message>
        <source>the only export format is json</source>
        <translation>le seul format d&apos;export est json</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a record id</source>
        <translation>« %1 » n&apos;est pas un identifiant de fiche</translation>
    </message>
    <message>
        <source>scan needs one image file</source>
        <translation>scan nécessite un fichier image</translation>
    </message>
    <message>
        <source>cannot read the image %1: %2</source>
        <translation>impossible de lire l&apos;image %1 : %2</translation>
    </message>
    <message>
        <source>no code found in %1</source>
        <translation>aucun code trouvé dans %1</translation>
    </message>
    <message>
        <source>%1: %2 [%3]</source>
        <translation>%1 : %2 [%3]</translation>
    </message>
    <message>
        <source>this command needs --tube LABEL</source>
        <translation>cette commande nécessite --tube ÉTIQUETTE</translation>
    </message>
    <message>
        <source>result %1 needs --value P, N, I or X</source>
        <translation>result %1 nécessite --value P, N, I ou X</translation>
    </message>
    <message>
        <source>result %1 needs --reason TEXT</source>
        <translation>result %1 nécessite --reason TEXTE</translation>
    </message>
    <message>
        <source>Result cancelled; it will be sent again as entered in error.</source>
        <translation>Résultat annulé ; il sera transmis à nouveau comme saisi par erreur.</translation>
    </message>
    <message>
        <source>Result corrected; it will be sent again as a correction.</source>
        <translation>Résultat corrigé ; il sera transmis à nouveau en tant que correction.</translation>
    </message>
    <message>
        <source>Result validated.</source>
        <translation>Résultat validé.</translation>
    </message>
    <message>
        <source>First entry recorded: another user must enter this positive result to validate it.</source>
        <translation>Première saisie enregistrée : un autre utilisateur doit saisir ce résultat positif pour le valider.</translation>
    </message>
    <message>
        <source>this entry disagrees with another user&apos;s entry: nothing is validated until two users enter the same result</source>
        <translation>cette saisie diffère de celle d&apos;un autre utilisateur : rien n&apos;est validé tant que deux utilisateurs n&apos;ont pas saisi le même résultat</translation>
    </message>
    <message>
        <source>No valid activation code is left: the record is flagged and gets its code as soon as codes are imported.</source>
        <translation>Il ne reste aucun code d&apos;activation valide : la fiche est signalée et recevra son code dès l&apos;import de nouveaux codes.</translation>
    </message>
    <message>
        <source>codes status takes no file</source>
        <translation>codes status ne prend aucun fichier</translation>
    </message>
    <message>
        <source>--soon-days needs a number of days</source>
        <translation>--soon-days nécessite un nombre de jours</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) imported.</source>
        <translation>
            <numerusform>%n code importé.</numerusform>
            <numerusform>%n codes importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting positive result(s) got a code.</source>
        <translation>
            <numerusform>%n résultat positif en attente a reçu un code.</numerusform>
            <numerusform>%n résultats positifs en attente ont reçu un code.</numerusform>
        </translation>
    </message>
    <message>
        <source>codes in the pool: %1</source>
        <translation>codes dans la réserve : %1</translation>
    </message>
    <message>
        <source>used: %1</source>
        <translation>utilisés : %1</translation>
    </message>
    <message>
        <source>valid now: %1</source>
        <translation>valides à ce jour : %1</translation>
    </message>
    <message>
        <source>expiring within %1 days: %2</source>
        <translation>expirant dans les %1 jours : %2</translation>
    </message>
    <message>
        <source>not yet valid: %1</source>
        <translation>pas encore valides : %1</translation>
    </message>
    <message>
        <source>expired unused: %1</source>
        <translation>expirés sans avoir servi : %1</translation>
    </message>
    <message>
        <source>positive results waiting for a code: %1</source>
        <translation>résultats positifs en attente de code : %1</translation>
    </message>
    <message>
        <source>No valid activation code is left: import a new batch.</source>
        <translation>Il ne reste aucun code d&apos;activation valide : importez un nouveau lot.</translation>
    </message>
    <message>
        <source>qr needs --tube LABEL and --png FILE</source>
        <translation>qr nécessite --tube ÉTIQUETTE et --png FICHIER</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>QR code written to %1</source>
        <translation>QR code écrit dans %1</translation>
    </message>
    <message>
        <source>slip needs --tube LABEL and --pdf FILE</source>
        <translation>slip nécessite --tube ÉTIQUETTE et --pdf FICHIER</translation>
    </message>
    <message>
        <source>--language is fr or en</source>
        <translation>--language vaut fr ou en</translation>
    </message>
    <message>
        <source>slip needs a GUI application to lay out text</source>
        <translation>slip nécessite une application graphique pour mettre en page le texte</translation>
    </message>
    <message>
        <source>Slip reprinted to %1</source>
        <translation>Bulletin réimprimé dans %1</translation>
    </message>
    <message>
        <source>Slip printed to %1</source>
        <translation>Bulletin imprimé dans %1</translation>
    </message>
    <message>
        <source>config show takes no argument</source>
        <translation>config show ne prend aucun argument</translation>
    </message>
    <message>
        <source>config import-ca needs one PEM file</source>
        <translation>config import-ca nécessite un fichier PEM</translation>
    </message>
    <message>
        <source>config import-cert needs CERT.pem KEY.pem, or a PKCS#12 file named .p12 or .pfx</source>
        <translation>config import-cert nécessite CERT.pem CLÉ.pem, ou un fichier PKCS#12 nommé .p12 ou .pfx</translation>
    </message>
    <message>
        <source>config import-cert needs CERT.pem KEY.pem, or FILE.p12</source>
        <translation>config import-cert nécessite CERT.pem CLÉ.pem, ou FICHIER.p12</translation>
    </message>
    <message>
        <source>--key-passphrase-stdin is for a PEM key; the PKCS#12 password is always read from standard input</source>
        <translation>--key-passphrase-stdin concerne une clé PEM ; le mot de passe PKCS#12 est toujours lu sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>no file %1</source>
        <translation>fichier introuvable : %1</translation>
    </message>
    <message>
        <source>sync.url set to %1</source>
        <translation>sync.url réglé sur %1</translation>
    </message>
    <message>
        <source>CA certificate(s) imported from %1</source>
        <translation>certificat(s) d&apos;AC importé(s) depuis %1</translation>
    </message>
    <message>
        <source>PKCS#12 password: </source>
        <translation>Mot de passe PKCS#12 : </translation>
    </message>
    <message>
        <source>no PKCS#12 password on standard input</source>
        <translation>aucun mot de passe PKCS#12 sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>client certificate and key imported from %1</source>
        <translation>certificat client et clé privée importés depuis %1</translation>
    </message>
    <message>
        <source>no key passphrase on standard input</source>
        <translation>aucune phrase secrète de la clé sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>(with --key-passphrase-stdin)</source>
        <translation>(avec --key-passphrase-stdin)</translation>
    </message>
    <message>
        <source>client certificate and key imported from %1 and %2</source>
        <translation>certificat client et clé privée importés depuis %1 et %2</translation>
    </message>
    <message>
        <source>sidepctl: warning: %1</source>
        <translation>sidepctl : avertissement : %1</translation>
    </message>
    <message>
        <source>sync takes no word, or status</source>
        <translation>sync ne prend aucun mot, ou status</translation>
    </message>
    <message>
        <source>oldest waiting since: %1</source>
        <translation>la plus ancienne attend depuis : %1</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>dernière erreur : %1</translation>
    </message>
    <message>
        <source>%1: %2 days</source>
        <translation>%1 : %2 jours</translation>
    </message>
    <message>
        <source>%1: %2 days (default)</source>
        <translation>%1 : %2 jours (par défaut)</translation>
    </message>
    <message>
        <source>config set needs a setting and a value: config set sync.url https://HOST:PORT, or config set %1 DAYS</source>
        <translation>config set nécessite un réglage et une valeur : config set sync.url https://HÔTE:PORT, ou config set %1 JOURS</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos; (known: sync.url, %2)</source>
        <translation>réglage inconnu « %1 » (réglages connus : sync.url, %2)</translation>
    </message>
    <message>
        <source>%1 set to %2 days</source>
        <translation>%1 réglé sur %2 jours</translation>
    </message>
    <message>
        <source>record purge takes no argument</source>
        <translation>record purge ne prend aucun argument</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) would be erased (acknowledged by the national server before %1; retention %2 days)</source>
        <translation>
            <numerusform>%n fiche serait effacée (acquittées par le serveur national avant le %1 ; conservation de %2 jours)</numerusform>
            <numerusform>%n fiches seraient effacées (acquittées par le serveur national avant le %1 ; conservation de %2 jours)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) would be erased</source>
        <translation>
            <numerusform>%n brouillon serait effacé</numerusform>
            <numerusform>%n brouillons seraient effacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) erased (acknowledged by the national server before %1; retention %2 days)</source>
        <translation>
            <numerusform>%n fiche effacée (acquittées par le serveur national avant le %1 ; conservation de %2 jours)</numerusform>
            <numerusform>%n fiches effacées (acquittées par le serveur national avant le %1 ; conservation de %2 jours)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) erased</source>
        <translation>
            <numerusform>%n brouillon effacé</numerusform>
            <numerusform>%n brouillons effacés</numerusform>
        </translation>
    </message>
    <message>
        <source>sidepctl: warning: another program is reading the store, so its journal still holds erased pages; the next purge empties it</source>
        <translation>sidepctl : avertissement : un autre programme lit la base locale, son journal contient donc encore des pages effacées ; la prochaine purge le videra</translation>
    </message>
    <message>
        <source>(purged)</source>
        <translation>(purgée)</translation>
    </message>
    <message>
        <source>codes fetch takes no file</source>
        <translation>codes fetch ne prend aucun fichier</translation>
    </message>
    <message>
        <source>--count needs a number of codes from 1 to %1</source>
        <translation>--count nécessite un nombre de codes compris entre 1 et %1</translation>
    </message>
    <message>
        <source>The pool holds %1 valid codes (target %2): nothing fetched.</source>
        <translation>La réserve contient %1 codes valides (objectif : %2) : aucun code récupéré.</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) fetched and imported.</source>
        <translation>
            <numerusform>%n code récupéré et importé.</numerusform>
            <numerusform>%n codes récupérés et importés.</numerusform>
        </translation>
    </message>
    <message>
        <source>activation codes fetched: %1</source>
        <translation>codes d&apos;activation récupérés : %1</translation>
    </message>
    <message>
        <source>activation codes: %1</source>
        <translation>codes d&apos;activation : %1</translation>
    </message>
    <message>
        <source>warning: the server&apos;s clock is %1 s from this workstation&apos;s: set the clock</source>
        <translation>avertissement : l&apos;horloge du serveur est à %1 s de celle de ce poste : réglez l&apos;horloge</translation>
    </message>
    <message numerus="yes">
        <source>erased the identifying data of %n record(s) acknowledged more than %1 day(s) ago</source>
        <translation>
            <numerusform>données d&apos;identification effacées pour %n fiche acquittée il y a plus de %1 jour(s)</numerusform>
            <numerusform>données d&apos;identification effacées pour %n fiches acquittées il y a plus de %1 jour(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>problème : %1</translation>
    </message>
    <message numerus="yes">
        <source>note: %n refused sign-in(s) on the account %1 since its last sign-in, the last at %2 (see &apos;audit list&apos;)</source>
        <translation>
            <numerusform>remarque : %n connexion refusée sur le compte %1 depuis sa dernière connexion, à %2 (voir « audit list »)</numerusform>
            <numerusform>remarque : %n connexions refusées sur le compte %1 depuis sa dernière connexion, la dernière à %2 (voir « audit list »)</numerusform>
        </translation>
    </message>
    <message>
        <source>db backup needs the file to write</source>
        <translation>db backup nécessite le fichier à écrire</translation>
    </message>
    <message>
        <source>Backup written to %1. It opens with today&apos;s passwords and recovery key.</source>
        <translation>Sauvegarde écrite dans %1. Elle s&apos;ouvre avec les mots de passe et la clé de récupération d&apos;aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>codes import needs one file: a national delivery (.tgz) or a CSV</source>
        <translation>codes import nécessite un fichier : une livraison nationale (.tgz) ou un CSV</translation>
    </message>
    <message>
        <source>Correction recorded: another user must enter this corrected positive result to validate it.</source>
        <translation>Correction enregistrée : un autre utilisateur doit saisir ce résultat positif corrigé pour le valider.</translation>
    </message>
    <message>
        <source>this correction disagrees with another user&apos;s correction: nothing is changed until two users enter the same result</source>
        <translation>cette correction diverge de celle d&apos;un autre utilisateur : rien n&apos;est modifié tant que deux utilisateurs n&apos;ont pas saisi le même résultat</translation>
    </message>
    <message numerus="yes">
        <source>samples waiting for a result for more than %n day(s): %1</source>
        <translation>
            <numerusform>prélèvements sans résultat depuis plus de %n jour : %1</numerusform>
            <numerusform>prélèvements sans résultat depuis plus de %n jours : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n version(s))</source>
        <translation>
            <numerusform>%1 : %2 (%n version)</numerusform>
            <numerusform>%1 : %2 (%n versions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acquittées</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>refusées</translation>
    </message>
    <message>
        <source>used activation codes reported: %1</source>
        <translation>codes d&apos;activation utilisés signalés : %1</translation>
    </message>
    <message>
        <source>damaged: record %1 version %2 (its send state was edited; not acted on)</source>
        <translation>endommagé : dossier %1 version %2 (son état d&apos;envoi a été modifié ; rien n&apos;est fait sur cette base)</translation>
    </message>
    <message>
        <source>%1: an import file holds at most %2 MiB; split it</source>
        <translation>%1 : un fichier d&apos;import contient au plus %2 Mio ; découpez-le</translation>
    </message>
    <message>
        <source>damaged (state edited in the file; see db verify)</source>
        <translation>endommagés (état modifié dans le fichier ; voir db verify)</translation>
    </message>
    <message>
        <source>throughput: %1/s, %2 bytes a version on the wire</source>
        <translation>débit : %1/s, %2 octets par version sur le réseau</translation>
    </message>
    <message>
        <source>missing: record %1 (created in the audit log, its row was deleted)</source>
        <translation>manquant : dossier %1 (créé dans le journal d&apos;audit, sa ligne a été supprimée)</translation>
    </message>
    <message>
        <source>records missing: %1</source>
        <translation>dossiers manquants : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n manquant</numerusform>
            <numerusform>%n manquants</numerusform>
        </translation>
    </message>
    <message>
        <source>db restored takes nothing more</source>
        <translation>db restored ne prend rien de plus</translation>
    </message>
    <message>
        <source>the store does not check out: run sidepctl db verify and audit verify, and restore another backup</source>
        <translation>la base n&apos;est pas intègre : lancez sidepctl db verify et audit verify, et restaurez une autre sauvegarde</translation>
    </message>
    <message>
        <source>The store has a new identity for the national server; its records that the server acknowledged after the backup was made go again, and the server recognises them.</source>
        <translation>La base a une nouvelle identité pour le serveur national ; ses fiches que le serveur a acquittées après la sauvegarde repartent, et le serveur les reconnaît.</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>endommagé : %1</translation>
    </message>
    <message>
        <source>%1 does not take --%2</source>
        <translation>%1 ne prend pas --%2</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>l&apos;option --%1 ne prend pas de valeur</translation>
    </message>
    <message>
        <source>Try &apos;sidepctl %1 --help&apos;.</source>
        <translation>Essayez « sidepctl %1 --help ».</translation>
    </message>
    <message>
        <source>init takes no argument</source>
        <translation>init ne prend aucun argument</translation>
    </message>
    <message>
        <source>recovery rotate takes no argument</source>
        <translation>recovery rotate ne prend aucun argument</translation>
    </message>
    <message>
        <source>db verify takes no argument</source>
        <translation>db verify ne prend aucun argument</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the account to sign in with</source>
        <translation>le compte avec lequel se connecter</translation>
    </message>
    <message>
        <source>the first line of standard input is the password</source>
        <translation>la première ligne de l&apos;entrée standard est le mot de passe</translation>
    </message>
    <message>
        <source>sign in with the recovery key, read from standard input</source>
        <translation>se connecter avec la clé de récupération, lue sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>this help, or a command&apos;s own (COMMAND --help)</source>
        <translation>cette aide, ou celle d&apos;une commande (COMMANDE --help)</translation>
    </message>
    <message>
        <source>the version and the commit it was built from</source>
        <translation>la version et le commit dont elle est construite</translation>
    </message>
    <message>
        <source>create a store; the administrator&apos;s password is read from standard input; prints the recovery key once</source>
        <translation>crée une base ; le mot de passe de l&apos;administrateur est lu sur l&apos;entrée standard ; affiche une seule fois la clé de récupération</translation>
    </message>
    <message>
        <source>add an account; its password is the next input line</source>
        <translation>ajoute un compte ; son mot de passe est la ligne suivante de l&apos;entrée</translation>
    </message>
    <message>
        <source>the accounts, their role and state</source>
        <translation>les comptes, leur rôle et leur état</translation>
    </message>
    <message>
        <source>disable an account</source>
        <translation>désactive un compte</translation>
    </message>
    <message>
        <source>set a password (one&apos;s own, or any account&apos;s as an administrator); the new password is the next input line</source>
        <translation>change un mot de passe (le sien, ou celui de tout compte pour un administrateur) ; le nouveau mot de passe est la ligne suivante de l&apos;entrée</translation>
    </message>
    <message>
        <source>replace the recovery key</source>
        <translation>remplace la clé de récupération</translation>
    </message>
    <message>
        <source>add one record or an array of records (JSON), all or none; without FILE, from standard input</source>
        <translation>ajoute une fiche ou un tableau de fiches (JSON), toutes ou aucune ; sans FILE, depuis l&apos;entrée standard</translation>
    </message>
    <message>
        <source>the records: id, tube label, status, sampling time</source>
        <translation>les fiches : identifiant, étiquette du tube, statut, heure du prélèvement</translation>
    </message>
    <message>
        <source>a record as JSON, found by its id or its tube label</source>
        <translation>une fiche en JSON, trouvée par son identifiant ou l&apos;étiquette de son tube</translation>
    </message>
    <message>
        <source>export a record as JSON, noted in the audit log</source>
        <translation>exporte une fiche en JSON, noté dans le journal d&apos;audit</translation>
    </message>
    <message>
        <source>erase the identifying data of records the national server acknowledged more than retention.days ago (any account; the GUI and sync do it after each round)</source>
        <translation>efface les données d&apos;identification des fiches acquittées par le serveur national il y a plus de retention.days jours (tout compte ; l&apos;interface graphique et sync le font après chaque cycle)</translation>
    </message>
    <message>
        <source>check an identifier; prints it in its canonical form</source>
        <translation>vérifie un identifiant ; l&apos;affiche sous sa forme canonique</translation>
    </message>
    <message>
        <source>open every record and check the store against its keyed hashes</source>
        <translation>ouvre chaque fiche et vérifie la base avec ses empreintes à clé</translation>
    </message>
    <message>
        <source>a consistent copy of the store, made while it is in use; FILE must be new</source>
        <translation>une copie cohérente de la base, faite pendant son utilisation ; FILE doit être nouveau</translation>
    </message>
    <message>
        <source>after a backup was put back in place: a new identity for the national server, which refuses a store gone back in time</source>
        <translation>après la remise en place d&apos;une sauvegarde : une nouvelle identité pour le serveur national, qui refuse une base revenue en arrière</translation>
    </message>
    <message>
        <source>check the chain of the audit log</source>
        <translation>vérifie la chaîne du journal d&apos;audit</translation>
    </message>
    <message>
        <source>the audit log, from entry SEQ</source>
        <translation>le journal d&apos;audit, à partir de l&apos;entrée SEQ</translation>
    </message>
    <message>
        <source>counts by status and by sampling day; no identifying data</source>
        <translation>décomptes par statut et par jour de prélèvement ; aucune donnée d&apos;identification</translation>
    </message>
    <message>
        <source>read the codes in an image (tube label, INS DataMatrix) as JSON</source>
        <translation>lit les codes d&apos;une image (étiquette de tube, DataMatrix INS) en JSON</translation>
    </message>
    <message>
        <source>enter a result; a positive needs a second entry by another user; the reason is the non-conformity of an X</source>
        <translation>saisit un résultat ; un positif exige une seconde saisie par un autre utilisateur ; le motif est la non-conformité d&apos;un X</translation>
    </message>
    <message>
        <source>correct a validated result; it is sent again as a correction</source>
        <translation>corrige un résultat validé ; il est renvoyé comme correction</translation>
    </message>
    <message>
        <source>cancel a result entered in error</source>
        <translation>annule un résultat saisi par erreur</translation>
    </message>
    <message>
        <source>add activation codes (all or none) from a national delivery (.tgz) or a CSV, checked against the .sha256 beside it (required for a .tgz)</source>
        <translation>ajoute des codes d&apos;activation (tous ou aucun) d&apos;une livraison nationale (.tgz) ou d&apos;un CSV, vérifiés avec le .sha256 placé à côté (obligatoire pour un .tgz)</translation>
    </message>
    <message>
        <source>codes left, valid now, expiring within N days</source>
        <translation>codes restants, valides à ce jour, expirant sous N jours</translation>
    </message>
    <message>
        <source>activation codes from the national server (up to the refill target, or N)</source>
        <translation>récupère des codes d&apos;activation auprès du serveur national (jusqu&apos;à l&apos;objectif de la réserve, ou N codes)</translation>
    </message>
    <message>
        <source>a validated positive&apos;s QR code</source>
        <translation>le QR code d&apos;un positif validé</translation>
    </message>
    <message>
        <source>the result slip; a reprint needs a reason</source>
        <translation>le bulletin de résultat ; une réimpression exige un motif</translation>
    </message>
    <message>
        <source>sync.url https://HOST:PORT: the national server (https only); retention.days DAYS: days a record stays once the server has it (1 to 90, default 7)</source>
        <translation>sync.url https://HÔTE:PORT : le serveur national (https seulement) ; retention.days JOURS : nombre de jours pendant lesquels une fiche reste sur le poste une fois reçue par le serveur (1 à 90, 7 par défaut)</translation>
    </message>
    <message>
        <source>the CA the server must chain to</source>
        <translation>l&apos;autorité de certification (AC) à laquelle le serveur doit se rattacher</translation>
    </message>
    <message>
        <source>the site&apos;s certificate and key (the passphrase or PKCS#12 password is the next input line); the key is kept encrypted in the store</source>
        <translation>le certificat client du site et sa clé privée (la phrase secrète ou le mot de passe PKCS#12 est la ligne suivante de l&apos;entrée) ; la clé est conservée chiffrée dans la base</translation>
    </message>
    <message>
        <source>the sync settings, without secrets</source>
        <translation>les réglages de synchronisation, sans les secrets</translation>
    </message>
    <message>
        <source>send what waits to the national server (with --watch, until interrupted)</source>
        <translation>envoie au serveur national ce qui attend (avec --watch, jusqu&apos;à interruption)</translation>
    </message>
    <message>
        <source>waiting, acknowledged, rejected, errors</source>
        <translation>en attente, acquittées, refusées, erreurs</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options :</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 invalid input, 2 usage error, 3 integrity problem found,
4 access denied (password, lock, role), 5 not found, 6 store error,
7 sync incomplete (records still waiting or rejected).
</source>
        <translation>Codes de sortie : 0 succès, 1 entrée invalide, 2 erreur d&apos;utilisation,
3 problème d&apos;intégrité détecté, 4 accès refusé (mot de passe, verrouillage,
rôle), 5 introuvable, 6 erreur de la base, 7 synchronisation incomplète
(fiches encore en attente ou refusées).
</translation>
    </message>
    <message>
        <source>Signs in with --user NAME (the password on standard input) or --recovery-key-stdin; any account.</source>
        <translation>Se connecte avec --user NOM (le mot de passe sur l&apos;entrée standard) ou --recovery-key-stdin ; tout compte.</translation>
    </message>
    <message>
        <source>Signs in with --user NAME (the password on standard input) or --recovery-key-stdin; accounts: %1.</source>
        <translation>Se connecte avec --user NOM (le mot de passe sur l&apos;entrée standard) ou --recovery-key-stdin ; comptes : %1.</translation>
    </message>
    <message>
        <source>Global options and exit codes: sidepctl --help</source>
        <translation>Options globales et codes de sortie : sidepctl --help</translation>
    </message>
    <message>
        <source>--version takes no command</source>
        <translation>--version ne prend pas de commande</translation>
    </message>
    <message>
        <source>%1 needs one of: %2</source>
        <translation>%1 nécessite l&apos;un de : %2</translation>
    </message>
    <message>
        <source>result %1 takes no argument besides its options</source>
        <translation>result %1 ne prend aucun argument en dehors de ses options</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 nécessite %2</translation>
    </message>
    <message>
        <source>the store: a file, or a site database (postgresql://user@host/name); default: $SIDEP_DB, else a file in the application-data folder</source>
        <translation>la base : un fichier, ou la base du site (postgresql://utilisateur@hôte/nom) ; par défaut : $SIDEP_DB, sinon un fichier du dossier de données de l&apos;application</translation>
    </message>
    <message>
        <source>migrate takes no argument besides --to</source>
        <translation>migrate ne prend aucun argument en dehors de --to</translation>
    </message>
    <message>
        <source>migrate needs --to postgresql://user@host/name (the site database)</source>
        <translation>migrate nécessite --to postgresql://utilisateur@hôte/nom (la base du site)</translation>
    </message>
    <message>
        <source>Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] COMMAND ...</source>
        <translation>Usage : sidepctl [--db BASE] [--user NOM] [--password-stdin] COMMANDE ...</translation>
    </message>
    <message>
        <source>Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] %1</source>
        <translation>Usage : sidepctl [--db BASE] [--user NOM] [--password-stdin] %1</translation>
    </message>
    <message>
        <source>Password for %1 at the site database: </source>
        <translation>Mot de passe de %1 sur la base de site : </translation>
    </message>
    <message>
        <source>no password for the site database on standard input</source>
        <translation>aucun mot de passe pour la base de site sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>site database: %1</source>
        <translation>base de site : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n activation code(s) had been given at both stations (the same delivery imported twice): the site&apos;s use is kept.</source>
        <translation>
            <numerusform>%n code d&apos;activation avait été attribué sur les deux postes (la même livraison importée deux fois) : l&apos;attribution du site est conservée.</numerusform>
            <numerusform>%n codes d&apos;activation avaient été attribués sur les deux postes (la même livraison importée deux fois) : l&apos;attribution du site est conservée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of this station that the site does not have (an account&apos;s key opens with its password only): create them at the site with user add: %1</source>
        <translation>Comptes de ce poste que le site n&apos;a pas (la clé d&apos;un compte ne s&apos;ouvre qu&apos;avec son mot de passe) : créez-les sur le site avec user add : %1</translation>
    </message>
    <message>
        <source>this station&apos;s store was moved into the site database on %1: its records are there; use --db %2</source>
        <translation>la base de ce poste a été déplacée dans la base de site le %1 : ses dossiers s&apos;y trouvent ; utilisez --db %2</translation>
    </message>
    <message>
        <source>Moved into the site database and checked row by row: %1 record(s), %2 audit entries. The stations now open it with --db %3 (or join it from the first-start wizard); the file %4 now only points there: keep it until the site database is checked (db verify, audit verify), then remove it.</source>
        <translation>Déplacé dans la base de site et vérifié ligne par ligne : %1 dossier(s), %2 entrées d&apos;audit. Les postes l&apos;ouvrent désormais avec --db %3 (ou la rejoignent depuis l&apos;assistant de premier démarrage) ; le fichier %4 ne fait plus que renvoyer vers elle : gardez-le jusqu&apos;à ce que la base de site soit vérifiée (db verify, audit verify), puis supprimez-le.</translation>
    </message>
    <message>
        <source>warning: the file could not be marked as moved (%1): make sure no one saves into it any more</source>
        <translation>attention : le fichier n&apos;a pas pu être marqué comme déplacé (%1) : veillez à ce que plus personne n&apos;y enregistre</translation>
    </message>
    <message>
        <source>Merged into the site database and checked: %1 record(s), %2 version(s) for the national server, %3 audit entries carried after the site&apos;s as one verified segment. The station now opens the site database with --db %4 (or joins it from the first-start wizard); the file %5 now only points there: keep it until the site database is checked (db verify, audit verify), then remove it.</source>
        <translation>Fusionné dans la base de site et vérifié : %1 dossier(s), %2 version(s) pour le serveur national, %3 entrées d&apos;audit reportées après celles du site en un segment vérifié. Le poste ouvre désormais la base de site avec --db %4 (ou la rejoint depuis l&apos;assistant de premier démarrage) ; le fichier %5 ne fait plus que renvoyer vers elle : gardez-le jusqu&apos;à ce que la base de site soit vérifiée (db verify, audit verify), puis supprimez-le.</translation>
    </message>
    <message>
        <source>move this station&apos;s store into the site database (postgresql://...), or merge it into the site&apos;s store there, checked; the file then points there</source>
        <translation>déplacer la base de ce poste dans la base de site (postgresql://...), ou la fusionner avec la base du site qui s&apos;y trouve, avec vérification ; le fichier renvoie ensuite vers elle</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this station were written before records had keys of their own: they share one key at the site, and are erased for good together, when the last of them is purged.</source>
        <translation>
            <numerusform>%n dossier de ce poste a été écrit avant que les dossiers aient leur propre clé : il partage une clé avec les autres dossiers dans ce cas sur le site, et ils ne sont effacés définitivement qu&apos;ensemble, quand le dernier d&apos;entre eux est purgé.</numerusform>
            <numerusform>%n dossiers de ce poste ont été écrits avant que les dossiers aient leur propre clé : ils partagent une clé sur le site, et ne sont effacés définitivement qu&apos;ensemble, quand le dernier d&apos;entre eux est purgé.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInWidget</name>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nom d&apos;&amp;utilisateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Message de connexion</translation>
    </message>
    <message>
        <source>Site FINESS %1</source>
        <translation>Site FINESS %1</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>Enter the password of %1 to go on.</source>
        <translation>Saisissez le mot de passe de %1 pour continuer.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
</context>
<context>
    <name>SiteDatabaseRetryWidget</name>
    <message>
        <source>The site database cannot be reached</source>
        <translation>La base du site est injoignable</translation>
    </message>
    <message>
        <source>Why the site database cannot be reached</source>
        <translation>Pourquoi la base du site est injoignable</translation>
    </message>
    <message>
        <source>Check the network cable or the Wi-Fi of this computer. The database may also be restarting: this station tries again by itself. If it still does not answer, call the site&apos;s IT and give them the message above.</source>
        <translation>Vérifiez le câble réseau ou le Wi-Fi de cet ordinateur. La base est peut-être aussi en train de redémarrer : ce poste réessaie de lui-même. Si elle ne répond toujours pas, appelez l&apos;informatique du site et donnez-leur le message ci-dessus.</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>Réess&amp;ayer</translation>
    </message>
    <message>
        <source>Trying to reach the site database...</source>
        <translation>Tentative de connexion à la base du site…</translation>
    </message>
    <message numerus="yes">
        <source>Last attempt at %1. Trying again in %n second(s).</source>
        <translation>
            <numerusform>Dernière tentative à %1. Nouvel essai dans %n seconde.</numerusform>
            <numerusform>Dernière tentative à %1. Nouvel essai dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the site database</source>
        <translation>Connexion à la base du site</translation>
    </message>
</context>
<context>
    <name>SiteStatistics</name>
    <message>
        <source>the sealed count of results does not decrypt</source>
        <translation>le décompte chiffré des résultats ne se déchiffre pas</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>site FINESS: %1</source>
        <translation>FINESS du site : %1</translation>
    </message>
    <message>
        <source>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>nom d&apos;utilisateur : utilisez de 1 à 64 lettres minuscules, chiffres, &apos;.&apos;, &apos;_&apos; ou &apos;-&apos;</translation>
    </message>
    <message>
        <source>a store already exists at %1</source>
        <translation>une base existe déjà à l&apos;emplacement %1</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <source>%1 is not an initialised store</source>
        <translation>%1 n&apos;est pas une base initialisée</translation>
    </message>
    <message>
        <source>unknown user or wrong password</source>
        <translation>utilisateur inconnu ou mot de passe erroné</translation>
    </message>
    <message>
        <source>the account %1 is disabled</source>
        <translation>le compte %1 est désactivé</translation>
    </message>
    <message>
        <source>the account %1 is locked after too many wrong passwords; try again at %2</source>
        <translation>le compte %1 est verrouillé après trop de mots de passe erronés ; réessayez à %2</translation>
    </message>
    <message>
        <source>wrong password; the account %1 is now locked for %2 minutes</source>
        <translation>mot de passe erroné ; le compte %1 est désormais verrouillé pour %2 minutes</translation>
    </message>
    <message numerus="yes">
        <source>unknown user or wrong password (%n attempt(s) left before the account locks)</source>
        <translation>
            <numerusform>utilisateur inconnu ou mot de passe erroné (il reste %n tentative avant le verrouillage du compte)</numerusform>
            <numerusform>utilisateur inconnu ou mot de passe erroné (il reste %n tentatives avant le verrouillage du compte)</numerusform>
        </translation>
    </message>
    <message>
        <source>this recovery key does not open the store</source>
        <translation>cette clé de récupération n&apos;ouvre pas la base</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
    <message>
        <source>the role %1 of %2 does not allow this</source>
        <translation>le rôle %1 de %2 ne permet pas cette action</translation>
    </message>
    <message>
        <source>the user %1 already exists</source>
        <translation>l&apos;utilisateur %1 existe déjà</translation>
    </message>
    <message>
        <source>no user named %1</source>
        <translation>aucun utilisateur nommé %1</translation>
    </message>
    <message>
        <source>an administrator cannot disable their own account</source>
        <translation>un administrateur ne peut pas désactiver son propre compte</translation>
    </message>
    <message>
        <source>%1 is not a setting</source>
        <translation>%1 n&apos;est pas un paramètre</translation>
    </message>
    <message>
        <source>no active user named %1</source>
        <translation>aucun utilisateur actif nommé %1</translation>
    </message>
    <message>
        <source>%1 is the last administrator: name another one first</source>
        <translation>%1 est le dernier administrateur : nommez-en d&apos;abord un autre</translation>
    </message>
    <message>
        <source>%1: must be a whole number from 1 to %2</source>
        <translation>%1 : doit être un nombre entier de 1 à %2</translation>
    </message>
    <message>
        <source>the site database %1 already holds a store</source>
        <translation>la base du site %1 contient déjà une base SI-DEP</translation>
    </message>
</context>
<context>
    <name>StoreIdentity</name>
    <message>
        <source>the store&apos;s identity for the national server was taken away</source>
        <translation>l&apos;identité de la base pour le serveur national a été supprimée</translation>
    </message>
    <message>
        <source>the store&apos;s identity for the national server was edited</source>
        <translation>l&apos;identité de la base pour le serveur national a été modifiée</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
    <message>
        <source>the store&apos;s identity for the national server is missing: the store file was changed outside the program (sidepctl db verify)</source>
        <translation>l&apos;identité de la base pour le serveur national manque : le fichier de la base a été modifié hors du programme (sidepctl db verify)</translation>
    </message>
    <message>
        <source>the store&apos;s identity for the national server does not check out: the store file was changed outside the program (sidepctl db verify)</source>
        <translation>l&apos;identité de la base pour le serveur national n&apos;est pas intègre : le fichier de la base a été modifié hors du programme (sidepctl db verify)</translation>
    </message>
    <message>
        <source>the audit log&apos;s head does not check out: the store file was changed outside the program (sidepctl audit verify)</source>
        <translation>la tête du journal d&apos;audit n&apos;est pas intègre : le fichier de la base a été modifié hors du programme (sidepctl audit verify)</translation>
    </message>
</context>
<context>
    <name>StoreMerge</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>the store is already a site database</source>
        <translation>la base est déjà une base de site</translation>
    </message>
    <message>
        <source>--to: a site database address, postgresql://user@host/name</source>
        <translation>--to : l&apos;adresse d&apos;une base de site, postgresql://utilisateur@hôte/nom</translation>
    </message>
    <message>
        <source>this station&apos;s store does not check out (run sidepctl db verify and audit verify on it): nothing was merged</source>
        <translation>la base de ce poste ne passe pas la vérification (lancez sidepctl db verify et audit verify sur elle) : rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>the site database already holds this station&apos;s records (it was moved or merged into it before): nothing was merged</source>
        <translation>la base de site contient déjà les dossiers de ce poste (il y a déjà été déplacé ou fusionné) : rien n&apos;a été fusionné</translation>
    </message>
    <message numerus="yes">
        <source>refused: %n tube label(s) of this station are already used at the site (%1); settle each of these tubes first: nothing was merged</source>
        <translation>
            <numerusform>refusé : %n étiquette de tube de ce poste est déjà utilisée sur le site (%1) ; réglez d&apos;abord le cas de ce tube : rien n&apos;a été fusionné</numerusform>
            <numerusform>refusé : %n étiquettes de tube de ce poste sont déjà utilisées sur le site (%1) ; réglez d&apos;abord le cas de chacun de ces tubes : rien n&apos;a été fusionné</numerusform>
        </translation>
    </message>
    <message>
        <source>refused: %1 have a form in progress both here and at the site; finish or discard one of them first: nothing was merged</source>
        <translation>refusé : %1 ont une saisie en cours ici et sur le site ; terminez ou abandonnez l&apos;une des deux d&apos;abord : rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>table %1: %2</source>
        <translation>table %1 : %2</translation>
    </message>
    <message>
        <source>the key of record %1 does not open: nothing was merged</source>
        <translation>la clé du dossier %1 ne se déchiffre pas : rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>the send state of record %1 version %2 was altered: nothing was merged</source>
        <translation>l&apos;état d&apos;envoi du dossier %1, version %2, a été modifié : rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>a positive waiting for a code does not open: nothing was merged</source>
        <translation>un résultat positif en attente de code ne se déchiffre pas : rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>record %1 does not read back at the site as on this station: nothing was merged</source>
        <translation>le dossier %1 ne se relit pas sur le site comme sur ce poste : rien n&apos;a été fusionné</translation>
    </message>
    <message>
        <source>the site database does not check out after the merge: nothing was merged</source>
        <translation>la base de site ne passe pas la vérification après la fusion : rien n&apos;a été fusionné</translation>
    </message>
</context>
<context>
    <name>StoreMigration</name>
    <message>
        <source>the store is already a site database</source>
        <translation>la base est déjà une base de site</translation>
    </message>
    <message>
        <source>--to: a site database address, postgresql://user@host/name</source>
        <translation>--to : l&apos;adresse d&apos;une base de site, postgresql://utilisateur@hôte/nom</translation>
    </message>
    <message>
        <source>refused: the site database belongs to the site FINESS %1, this store to %2</source>
        <translation>refusé : la base du site appartient au site FINESS %1, cette base au site %2</translation>
    </message>
    <message>
        <source>table %1: %2</source>
        <translation>table %1 : %2</translation>
    </message>
    <message>
        <source>the copy of table %1 does not match the store: nothing was moved</source>
        <translation>la copie de la table %1 ne correspond pas à la base : rien n&apos;a été déplacé</translation>
    </message>
    <message>
        <source>the site database already holds the site&apos;s store: this station&apos;s store is merged into it, not moved</source>
        <translation>la base de site contient déjà la base du site : la base de ce poste y est fusionnée, pas déplacée</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>the server did not answer for this record</source>
        <translation>le serveur n&apos;a pas répondu pour cette fiche</translation>
    </message>
    <message>
        <source>this store went back in time: the national server saw it further on, so an older copy of the store file was put back. Nothing is sent until an administrator checks it (sidepctl db verify and audit verify) and, for a backup put back on purpose, runs sidepctl db restored (server: %1)</source>
        <translation>cette base est revenue en arrière dans le temps : le serveur national l&apos;a vue plus avancée, une copie plus ancienne du fichier de la base a donc été remise en place. Rien n&apos;est envoyé tant qu&apos;un administrateur ne l&apos;a pas vérifiée (sidepctl db verify et audit verify) et, pour une sauvegarde remise en place volontairement, n&apos;a pas lancé sidepctl db restored (serveur : %1)</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>le serveur a répondu HTTP %1</translation>
    </message>
    <message>
        <source>another program is sending this store&apos;s records (sidepctl sync, another window, or another station of the site): this one tries again at its next round</source>
        <translation>un autre programme envoie les fiches de cette base (sidepctl sync, une autre fenêtre ou un autre poste du site) : celui-ci réessaiera à son prochain tour</translation>
    </message>
</context>
<context>
    <name>SyncPanelWidget</name>
    <message>
        <source>National server</source>
        <translation>Serveur national</translation>
    </message>
    <message>
        <source>Records waiting</source>
        <translation>Fiches en attente</translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>La plus ancienne attend depuis</translation>
    </message>
    <message>
        <source>Last acknowledgement</source>
        <translation>Dernier acquittement</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Refusées par le serveur</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>Horloges</translation>
    </message>
    <message>
        <source>Server and workstation clocks</source>
        <translation>Horloges du serveur et du poste</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>not configured (an administrator imports the site&apos;s certificate and the server&apos;s address)</source>
        <translation>non configurée (un administrateur importe le certificat du site et l&apos;adresse du serveur)</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>rien en attente</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>the server&apos;s clock could not be read</source>
        <translation>l&apos;horloge du serveur n&apos;a pas pu être lue</translation>
    </message>
    <message>
        <source>the server&apos;s clock is %1 s from this workstation&apos;s</source>
        <translation>l&apos;horloge du serveur est à %1 s de celle de ce poste</translation>
    </message>
    <message>
        <source>%1: set this workstation&apos;s clock (more than 5 minutes apart)</source>
        <translation>%1 : réglez l&apos;horloge de ce poste (plus de 5 minutes d&apos;écart)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connection to the national server</source>
        <translation>Connexion au serveur national</translation>
    </message>
    <message>
        <source>the server cannot be reached: what waits is kept, and goes by itself as soon as the server answers</source>
        <translation>le serveur est injoignable : ce qui est en attente est conservé et partira automatiquement dès que le serveur répondra</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>the server answers</source>
        <translation>le serveur répond</translation>
    </message>
    <message>
        <source>Send no&amp;w</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>the National server tab (administrator)</source>
        <translation>l&apos;onglet Serveur national (administrateur)</translation>
    </message>
    <message>
        <source>the national server&apos;s address</source>
        <translation>l&apos;adresse du serveur national</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n version(s) to send)</source>
        <translation>
            <numerusform>%1 (%n version à envoyer)</numerusform>
            <numerusform>%1 (%n versions à envoyer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Sending speed and time left</source>
        <translation>Débit d&apos;envoi et temps restant</translation>
    </message>
    <message>
        <source>Samples without a result</source>
        <translation>Prélèvements sans résultat</translation>
    </message>
    <message>
        <source>Samples waiting too long for a result</source>
        <translation>Prélèvements qui attendent trop longtemps leur résultat</translation>
    </message>
    <message>
        <source>Tube</source>
        <translation>Tube</translation>
    </message>
    <message>
        <source>Sampled on</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <source>Days waiting</source>
        <translation>Jours d&apos;attente</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n record(s) whose send state was edited in the file, not sent: ask the administrator to run sidepctl db verify</source>
        <translation>
            <numerusform>%1 ; %n dossier dont l&apos;état d&apos;envoi a été modifié dans le fichier, non envoyé : demandez à l&apos;administrateur de lancer sidepctl db verify</numerusform>
            <numerusform>%1 ; %n dossiers dont l&apos;état d&apos;envoi a été modifié dans le fichier, non envoyés : demandez à l&apos;administrateur de lancer sidepctl db verify</numerusform>
        </translation>
    </message>
    <message>
        <source>the samples without a result could not be read: %1</source>
        <translation>les prélèvements sans résultat n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message numerus="yes">
        <source>no sample has waited more than %n day(s) for its result</source>
        <translation>
            <numerusform>aucun prélèvement n&apos;attend son résultat depuis plus de %n jour</numerusform>
            <numerusform>aucun prélèvement n&apos;attend son résultat depuis plus de %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) without a result more than %1 days after sampling: ask the lab</source>
        <translation>
            <numerusform>%n prélèvement sans résultat plus de %1 jours après le prélèvement : relancez le laboratoire</numerusform>
            <numerusform>%n prélèvements sans résultat plus de %1 jours après le prélèvement : relancez le laboratoire</numerusform>
        </translation>
    </message>
    <message>
        <source>(unreadable label)</source>
        <translation>(étiquette illisible)</translation>
    </message>
    <message>
        <source>not measured yet (after the first batch sent)</source>
        <translation>pas encore mesuré (après le premier lot envoyé)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>nothing left to send</source>
        <translation>plus rien à envoyer</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>environ %n s restante</numerusform>
            <numerusform>environ %n s restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>environ %n min restante</numerusform>
            <numerusform>environ %n min restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>the private key is encrypted: give its passphrase</source>
        <translation>la clé privée est chiffrée : indiquez sa phrase secrète</translation>
    </message>
    <message>
        <source>the private key does not open with this passphrase</source>
        <translation>la clé privée ne s&apos;ouvre pas avec cette phrase secrète</translation>
    </message>
    <message>
        <source>the private key is not a PEM private key</source>
        <translation>la clé privée n&apos;est pas une clé privée PEM</translation>
    </message>
    <message>
        <source>the private key is neither RSA, EC nor DSA</source>
        <translation>la clé privée n&apos;est ni RSA, ni EC, ni DSA</translation>
    </message>
    <message>
        <source>the TLS library does not accept the private key</source>
        <translation>la bibliothèque TLS n&apos;accepte pas la clé privée</translation>
    </message>
    <message>
        <source>the %1 %2 expired on %3</source>
        <translation>le %1 %2 a expiré le %3</translation>
    </message>
    <message>
        <source>the %1 %2 is not valid before %3</source>
        <translation>le %1 %2 n&apos;est pas valide avant le %3</translation>
    </message>
    <message>
        <source>the %1 %2 expires on %3: renew it soon</source>
        <translation>le %1 %2 expire le %3 : renouvelez-le rapidement</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>the server URL %1 is not a valid URL with a host</source>
        <translation>l&apos;URL du serveur %1 n&apos;est pas une URL valide comportant un hôte</translation>
    </message>
    <message>
        <source>the server URL must start with https:// (not %1://)</source>
        <translation>l&apos;URL du serveur doit commencer par https:// (et non %1://)</translation>
    </message>
    <message>
        <source>the server URL must not hold a user name or password: the site authenticates with its certificate</source>
        <translation>l&apos;URL du serveur ne doit contenir ni nom d&apos;utilisateur ni mot de passe : le site s&apos;authentifie avec son certificat</translation>
    </message>
    <message>
        <source>the CA file holds a private key: give the CA certificate alone</source>
        <translation>le fichier de l&apos;AC contient une clé privée : fournissez uniquement le certificat de l&apos;AC</translation>
    </message>
    <message>
        <source>the CA file holds no PEM certificate</source>
        <translation>le fichier de l&apos;AC ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>%1 is not a CA certificate (no basicConstraints CA:TRUE)</source>
        <translation>%1 n&apos;est pas un certificat d&apos;AC (pas de basicConstraints CA:TRUE)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>certificat d&apos;AC</translation>
    </message>
    <message>
        <source>the certificate file holds no PEM certificate</source>
        <translation>le fichier du certificat ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>the private key cannot be converted for storage</source>
        <translation>la clé privée ne peut pas être convertie pour être conservée</translation>
    </message>
    <message>
        <source>cannot read the PKCS#12 file %1: wrong password, or not a PKCS#12 file with a certificate and its key</source>
        <translation>impossible de lire le fichier PKCS#12 %1 : mot de passe incorrect, ou ce n&apos;est pas un fichier PKCS#12 contenant un certificat et sa clé</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>certificat client</translation>
    </message>
    <message>
        <source>the private key does not belong to the certificate %1</source>
        <translation>la clé privée ne correspond pas au certificat %1</translation>
    </message>
    <message>
        <source>the certificate %1 is not for client authentication (its extended key usage lacks clientAuth)</source>
        <translation>le certificat %1 n&apos;est pas destiné à l&apos;authentification du client (son usage étendu de la clé ne comprend pas clientAuth)</translation>
    </message>
    <message>
        <source>the certificate %1 is a CA certificate, not a site&apos;s certificate</source>
        <translation>le certificat %1 est un certificat d&apos;AC, et non le certificat d&apos;un site</translation>
    </message>
    <message>
        <source>the certificate names %1, but this site&apos;s FINESS is %2</source>
        <translation>le certificat désigne %1, mais le FINESS de ce site est %2</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>connectez-vous d&apos;abord</translation>
    </message>
    <message>
        <source>no sync server: set one with &apos;sidepctl config set sync.url https://...&apos;</source>
        <translation>aucun serveur de synchronisation : indiquez-en un avec « sidepctl config set sync.url https://... »</translation>
    </message>
    <message>
        <source>no CA for the sync server: import one with &apos;sidepctl config import-ca&apos;</source>
        <translation>aucune AC pour le serveur de synchronisation : importez-en une avec « sidepctl config import-ca »</translation>
    </message>
    <message>
        <source>no client certificate: import one with &apos;sidepctl config import-cert&apos;</source>
        <translation>aucun certificat client : importez-en un avec « sidepctl config import-cert »</translation>
    </message>
    <message>
        <source>the stored private key does not decrypt: import the certificate again</source>
        <translation>la clé privée conservée ne se déchiffre pas : importez à nouveau le certificat</translation>
    </message>
    <message>
        <source>%1 (issued by %2), expires %3, SHA-256 %4</source>
        <translation>%1 (délivré par %2), expire le %3, empreinte SHA-256 %4</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <source>Server URL: %1</source>
        <translation>URL du serveur : %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>CA certificate: not set</source>
        <translation>Certificat d&apos;AC : non renseigné</translation>
    </message>
    <message>
        <source>CA certificate: %1</source>
        <translation>Certificat d&apos;AC : %1</translation>
    </message>
    <message>
        <source>Client certificate: %1</source>
        <translation>Certificat client : %1</translation>
    </message>
    <message>
        <source>Private key: %1</source>
        <translation>Clé privée : %1</translation>
    </message>
    <message>
        <source>stored, encrypted in the store</source>
        <translation>conservée, chiffrée dans la base</translation>
    </message>
    <message>
        <source>%1 is larger than a certificate or key file can be (1 MiB)</source>
        <translation>%1 est plus grand qu&apos;un fichier de certificat ou de clé ne peut l&apos;être (1 Mio)</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <source>What is configured</source>
        <translation>Configuration actuelle</translation>
    </message>
    <message>
        <source>Sync settings in force</source>
        <translation>Réglages de synchronisation en vigueur</translation>
    </message>
    <message>
        <source>https://host:port</source>
        <translation>https://hôte:port</translation>
    </message>
    <message>
        <source>National server address</source>
        <translation>Adresse du serveur national</translation>
    </message>
    <message>
        <source>Sa&amp;ve the address</source>
        <translation>&amp;Enregistrer l&apos;adresse</translation>
    </message>
    <message>
        <source>&amp;Keep identifying data after acknowledgement (days)</source>
        <translation>&amp;Conserver les données d&apos;identification après acquittement (jours)</translation>
    </message>
    <message>
        <source>Days identifying data is kept after the server acknowledged a record</source>
        <translation>Nombre de jours de conservation des données d&apos;identification après l&apos;acquittement d&apos;une fiche par le serveur</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Sync cannot start until all of these are set.</source>
        <translation>La synchronisation ne peut pas démarrer tant que tous ces éléments ne sont pas renseignés.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>Server address saved.</source>
        <translation>Adresse du serveur enregistrée.</translation>
    </message>
    <message numerus="yes">
        <source>Identifying data will be erased %n day(s) after the server acknowledges a record.</source>
        <translation>
            <numerusform>Les données d&apos;identification seront effacées %n jour après l&apos;acquittement d&apos;une fiche par le serveur.</numerusform>
            <numerusform>Les données d&apos;identification seront effacées %n jours après l&apos;acquittement d&apos;une fiche par le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <source>The national server&apos;s CA certificate</source>
        <translation>Le certificat de l&apos;AC du serveur national</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA certificate imported: the server must now chain to it.</source>
        <translation>Certificat d&apos;AC importé : le certificat du serveur doit désormais se rattacher à cette AC.</translation>
    </message>
    <message>
        <source>The site&apos;s certificate</source>
        <translation>Le certificat du site</translation>
    </message>
    <message>
        <source>PKCS#12 or PEM (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>PKCS#12 ou PEM (*.p12 *.pfx *.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PKCS#12 password</source>
        <translation>Mot de passe PKCS#12</translation>
    </message>
    <message>
        <source>Password of the PKCS#12 file (empty if none):</source>
        <translation>Mot de passe du fichier PKCS#12 (laisser vide s&apos;il n&apos;y en a pas) :</translation>
    </message>
    <message>
        <source>The site&apos;s private key</source>
        <translation>La clé privée du site</translation>
    </message>
    <message>
        <source>PEM private keys (*.key *.pem);;All files (*)</source>
        <translation>Clés privées PEM (*.key *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Private key passphrase</source>
        <translation>Phrase secrète de la clé privée</translation>
    </message>
    <message>
        <source>Passphrase of the private key (empty if none):</source>
        <translation>Phrase secrète de la clé privée (laisser vide s&apos;il n&apos;y en a pas) :</translation>
    </message>
    <message>
        <source>Site certificate and private key imported; the key is kept encrypted in the store. The original files can be put away.</source>
        <translation>Certificat du site et clé privée importés ; la clé est conservée chiffrée dans la base locale. Les fichiers d&apos;origine peuvent être rangés en lieu sûr.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connexion à %1...</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>La connexion a échoué : %1</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1); try again later.</source>
        <translation>Le serveur a répondu par une erreur (HTTP %1) ; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server answered: the address and the certificates work.</source>
        <translation>Le serveur a répondu : l&apos;adresse et les certificats fonctionnent.</translation>
    </message>
    <message>
        <source>Server add&amp;ress</source>
        <translation>A&amp;dresse du serveur</translation>
    </message>
    <message>
        <source>Save t&amp;he retention</source>
        <translation>Enregistrer la d&amp;urée de conservation</translation>
    </message>
    <message>
        <source>&amp;Import the server&apos;s CA certificate...</source>
        <translation>&amp;Importer le certificat d&apos;autorité du serveur...</translation>
    </message>
    <message>
        <source>Import the site&apos;s certificate and ke&amp;y...</source>
        <translation>Importer le certificat et la c&amp;lé du site...</translation>
    </message>
</context>
<context>
    <name>TarArchive</name>
    <message>
        <source>the tar archive ends without its end-of-archive blocks: it was cut short</source>
        <translation>l&apos;archive tar se termine sans ses blocs de fin d&apos;archive : elle a été tronquée</translation>
    </message>
    <message>
        <source>the tar archive has data after its end-of-archive block</source>
        <translation>l&apos;archive tar contient des données après son bloc de fin d&apos;archive</translation>
    </message>
    <message>
        <source>the tar archive holds more than %1 members: not a delivery</source>
        <translation>l&apos;archive tar contient plus de %1 membres : ce n&apos;est pas une livraison</translation>
    </message>
    <message>
        <source>header %1 of the tar archive has a wrong checksum: the archive is damaged or not a tar archive</source>
        <translation>l&apos;en-tête %1 de l&apos;archive tar a une somme de contrôle erronée : l&apos;archive est endommagée ou n&apos;est pas une archive tar</translation>
    </message>
    <message>
        <source>not a ustar archive (header %1)</source>
        <translation>pas une archive ustar (en-tête %1)</translation>
    </message>
    <message>
        <source>the member %1 has no valid size</source>
        <translation>le membre %1 n&apos;a pas de taille valide</translation>
    </message>
    <message>
        <source>the member %1 says it holds %2 bytes; the archive has only %3 left</source>
        <translation>le membre %1 annonce %2 octets ; l&apos;archive n&apos;en contient plus que %3</translation>
    </message>
    <message>
        <source>a pax extended header of %1 bytes: too large</source>
        <translation>un en-tête étendu pax de %1 octets : trop grand</translation>
    </message>
    <message>
        <source>a pax extended header is malformed</source>
        <translation>un en-tête étendu pax est mal formé</translation>
    </message>
    <message>
        <source>a pax extended header sets %1, which a delivery never needs</source>
        <translation>un en-tête étendu pax définit %1, dont une livraison n&apos;a jamais besoin</translation>
    </message>
    <message>
        <source>the archive uses GNU long names: a delivery&apos;s names are short</source>
        <translation>l&apos;archive utilise les noms longs GNU : les noms d&apos;une livraison sont courts</translation>
    </message>
    <message>
        <source>the member %1 is a hard link to %2: only plain files are accepted</source>
        <translation>le membre %1 est un lien physique vers %2 : seuls les fichiers ordinaires sont acceptés</translation>
    </message>
    <message>
        <source>the member %1 is a symbolic link to %2: only plain files are accepted</source>
        <translation>le membre %1 est un lien symbolique vers %2 : seuls les fichiers ordinaires sont acceptés</translation>
    </message>
    <message>
        <source>the member %1 is not a plain file (type %2): only plain files are accepted</source>
        <translation>le membre %1 n&apos;est pas un fichier ordinaire (type %2) : seuls les fichiers ordinaires sont acceptés</translation>
    </message>
    <message>
        <source>the member %1 has an absolute path</source>
        <translation>le membre %1 a un chemin absolu</translation>
    </message>
    <message>
        <source>the member %1 has a &quot;..&quot; in its path</source>
        <translation>le membre %1 a un « .. » dans son chemin</translation>
    </message>
    <message>
        <source>the member %1 has a name that is not plain ASCII</source>
        <translation>le membre %1 a un nom qui n&apos;est pas en ASCII simple</translation>
    </message>
    <message>
        <source>the directory %1 carries %2 bytes of data</source>
        <translation>le répertoire %1 contient %2 octets de données</translation>
    </message>
    <message>
        <source>a file member has no name</source>
        <translation>un membre fichier n&apos;a pas de nom</translation>
    </message>
</context>
<context>
    <name>TubeLabelPrinter</name>
    <message>
        <source>the printer cannot be used</source>
        <translation>l&apos;imprimante ne peut pas être utilisée</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>nurse</source>
        <translation>infirmier·ère</translation>
    </message>
    <message>
        <source>laboratory</source>
        <translation>laboratoire</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur·rice</translation>
    </message>
</context>
<context>
    <name>UsedCodeReport</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message numerus="yes">
        <source>the server did not answer for %n activation code(s): reported again later</source>
        <translation>
            <numerusform>le serveur n&apos;a pas répondu pour %n code d&apos;activation : il sera signalé de nouveau plus tard</numerusform>
            <numerusform>le serveur n&apos;a pas répondu pour %n codes d&apos;activation : ils seront signalés de nouveau plus tard</numerusform>
        </translation>
    </message>
    <message>
        <source>used activation codes not reported: %1</source>
        <translation>codes d&apos;activation utilisés non signalés : %1</translation>
    </message>
    <message numerus="yes">
        <source>the national server refused %n used activation code(s) as another site&apos;s: tell its operators</source>
        <translation>
            <numerusform>le serveur national a refusé %n code d&apos;activation utilisé comme appartenant à un autre site : prévenez ses opérateurs</numerusform>
            <numerusform>le serveur national a refusé %n codes d&apos;activation utilisés comme appartenant à un autre site : prévenez ses opérateurs</numerusform>
        </translation>
    </message>
</context>
</TS>
