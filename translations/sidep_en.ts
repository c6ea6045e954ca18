<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About sidep-portal</source>
        <translation>About sidep-portal</translation>
    </message>
    <message>
        <source>SI-DEP sampling portal</source>
        <translation>SI-DEP sampling portal</translation>
    </message>
    <message>
        <source>Sampling records and results of COVID-19 tests, kept encrypted and sent to the national system SI-DEP.</source>
        <translation>Sampling records and results of COVID-19 tests, kept encrypted and sent to the national system SI-DEP.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Built from commit</source>
        <translation>Built from commit</translation>
    </message>
    <message>
        <source>Site FINESS</source>
        <translation>Site FINESS</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>European Union Public Licence v. 1.2 (EUPL-1.2)</source>
        <translation>European Union Public Licence v. 1.2 (EUPL-1.2)</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>The copyright notices and licences of these components are installed with the program (Debian: /usr/share/doc/sidep-portal/copyright).</source>
        <translation>The copyright notices and licences of these components are installed with the program (Debian: /usr/share/doc/sidep-portal/copyright).</translation>
    </message>
    <message>
        <source>none yet (first start)</source>
        <translation>none yet (first start)</translation>
    </message>
</context>
<context>
    <name>ActivationCodeCsv</name>
    <message>
        <source>line %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>the header must be %1</source>
        <translation>the header must be %1</translation>
    </message>
    <message>
        <source>the file holds no code</source>
        <translation>the file holds no code</translation>
    </message>
    <message>
        <source>%1 columns instead of %2</source>
        <translation>%1 columns instead of %2</translation>
    </message>
    <message>
        <source>a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9</source>
        <translation>a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9</translation>
    </message>
    <message>
        <source>a date is ISO 8601 in UTC, such as 2021-08-25T22:00:00.000Z</source>
        <translation>a date is ISO 8601 in UTC, such as 2021-08-25T22:00:00.000Z</translation>
    </message>
    <message>
        <source>the validity must end after it starts</source>
        <translation>the validity must end after it starts</translation>
    </message>
    <message>
        <source>this code is already on an earlier line</source>
        <translation>this code is already on an earlier line</translation>
    </message>
    <message>
        <source>code_pour_qr must be the national link https://app.stopcovid.gouv.fr?code=...&amp;type=1 or a code</source>
        <translation>code_pour_qr must be the national link https://app.stopcovid.gouv.fr?code=...&amp;type=1 or a code</translation>
    </message>
    <message>
        <source>the link&apos;s code must be the code of code_brut</source>
        <translation>the link&apos;s code must be the code of code_brut</translation>
    </message>
</context>
<context>
    <name>ActivationCodeDelivery</name>
    <message>
        <source>the .sha256 file holds no SHA-256 checksum (64 hexadecimal digits)</source>
        <translation>the .sha256 file holds no SHA-256 checksum (64 hexadecimal digits)</translation>
    </message>
    <message>
        <source>the file does not match its .sha256 checksum: it was changed or cut</source>
        <translation>the file does not match its .sha256 checksum: it was changed or cut</translation>
    </message>
    <message>
        <source>the .sha256 file is the checksum of another file</source>
        <translation>the .sha256 file is the checksum of another file</translation>
    </message>
    <message>
        <source>not a gzip file: a delivery is a .tgz archive</source>
        <translation>not a gzip file: a delivery is a .tgz archive</translation>
    </message>
    <message>
        <source>the gzip data is damaged (a bad block or check value)</source>
        <translation>the gzip data is damaged (a bad block or check value)</translation>
    </message>
    <message>
        <source>the gzip data is cut short</source>
        <translation>the gzip data is cut short</translation>
    </message>
    <message>
        <source>the archive inflates to more than %1 MiB: not a delivery; inflation stopped there</source>
        <translation>the archive inflates to more than %1 MiB: not a delivery; inflation stopped there</translation>
    </message>
    <message>
        <source>data follows the end of the gzip stream</source>
        <translation>data follows the end of the gzip stream</translation>
    </message>
    <message>
        <source>the CSV file &quot;%1&quot; is not named like a national one (&lt;sequence&gt;&lt;yyMMdd&gt;.csv)</source>
        <translation>the CSV file &quot;%1&quot; is not named like a national one (&lt;sequence&gt;&lt;yyMMdd&gt;.csv)</translation>
    </message>
    <message>
        <source>the archive holds &quot;%1&quot;, which is neither the codes&apos; CSV nor the tar that holds it</source>
        <translation>the archive holds &quot;%1&quot;, which is neither the codes&apos; CSV nor the tar that holds it</translation>
    </message>
    <message>
        <source>the archive holds %1 CSV files (%2): a delivery holds one</source>
        <translation>the archive holds %1 CSV files (%2): a delivery holds one</translation>
    </message>
    <message>
        <source>the archive holds %1 tar files (%2): a delivery nests one</source>
        <translation>the archive holds %1 tar files (%2): a delivery nests one</translation>
    </message>
    <message>
        <source>the archive holds &quot;%1&quot; beside the CSV: a delivery holds the CSV alone</source>
        <translation>the archive holds &quot;%1&quot; beside the CSV: a delivery holds the CSV alone</translation>
    </message>
    <message>
        <source>the CSV is larger than %1 MiB</source>
        <translation>the CSV is larger than %1 MiB</translation>
    </message>
    <message>
        <source>the archive holds no CSV named &lt;sequence&gt;&lt;yyMMdd&gt;.csv</source>
        <translation>the archive holds no CSV named &lt;sequence&gt;&lt;yyMMdd&gt;.csv</translation>
    </message>
    <message>
        <source>the inner tar &quot;%1&quot; holds no CSV named &lt;sequence&gt;&lt;yyMMdd&gt;.csv</source>
        <translation>the inner tar &quot;%1&quot; holds no CSV named &lt;sequence&gt;&lt;yyMMdd&gt;.csv</translation>
    </message>
    <message>
        <source>the inner tar holds another tar, &quot;%1&quot;: a delivery nests one level only</source>
        <translation>the inner tar holds another tar, &quot;%1&quot;: a delivery nests one level only</translation>
    </message>
    <message>
        <source>in the inner tar &quot;%1&quot;: %2</source>
        <translation>in the inner tar &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>nothing imported from %1: %2</source>
        <translation>nothing imported from %1: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>not a file</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB: not a delivery</source>
        <translation>the file is larger than %1 MiB: not a delivery</translation>
    </message>
    <message>
        <source>no .sha256 file beside the archive (%1 or %2.sha256): the checksum of a delivery is checked before it is opened</source>
        <translation>no .sha256 file beside the archive (%1 or %2.sha256): the checksum of a delivery is checked before it is opened</translation>
    </message>
    <message>
        <source>the .sha256 file is too large to be a checksum</source>
        <translation>the .sha256 file is too large to be a checksum</translation>
    </message>
</context>
<context>
    <name>ActivationCodes</name>
    <message>
        <source>the file is too large for a batch of codes</source>
        <translation>the file is too large for a batch of codes</translation>
    </message>
    <message numerus="yes">
        <source>nothing imported: %n problem(s) in the file; first: %1</source>
        <translation>
            <numerusform>nothing imported: %n problem in the file; first: %1</numerusform>
            <numerusform>nothing imported: %n problems in the file; first: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>this code is already in the pool</source>
        <translation>this code is already in the pool</translation>
    </message>
    <message>
        <source>nothing imported: %1</source>
        <translation>nothing imported: %1</translation>
    </message>
    <message>
        <source>an activation code is taken inside a transaction</source>
        <translation>an activation code is taken inside a transaction</translation>
    </message>
    <message numerus="yes">
        <source>nothing imported from %1: %n problem(s); first: %2</source>
        <translation>
            <numerusform>nothing imported from %1: %n problem; first: %2</numerusform>
            <numerusform>nothing imported from %1: %n problems; first: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdminWidget</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>New user name</source>
        <translation>New user name</translation>
    </message>
    <message>
        <source>Role of the new account</source>
        <translation>Role of the new account</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password of the new account</source>
        <translation>Password of the new account</translation>
    </message>
    <message>
        <source>&amp;Disable the selected account</source>
        <translation>&amp;Disable the selected account</translation>
    </message>
    <message>
        <source>Minutes before the session locks itself</source>
        <translation>Minutes before the session locks itself</translation>
    </message>
    <message>
        <source>Nurse (sampling)</source>
        <translation>Nurse (sampling)</translation>
    </message>
    <message>
        <source>Laboratory (results)</source>
        <translation>Laboratory (results)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Account %1 created.</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>Disable %1?</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in.</source>
        <translation>%1 will no longer be able to sign in.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>R&amp;ole</translation>
    </message>
    <message>
        <source>Role of the selected account</source>
        <translation>Role of the selected account</translation>
    </message>
    <message>
        <source>C&amp;hange the role</source>
        <translation>C&amp;hange the role</translation>
    </message>
    <message>
        <source>New pass&amp;word</source>
        <translation>New pass&amp;word</translation>
    </message>
    <message>
        <source>New password of the selected account</source>
        <translation>New password of the selected account</translation>
    </message>
    <message>
        <source>&amp;Reset the password</source>
        <translation>&amp;Reset the password</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
    <message>
        <source>Password of %1 reset; the account is unlocked.</source>
        <translation>Password of %1 reset; the account is unlocked.</translation>
    </message>
    <message>
        <source>Ro&amp;le</source>
        <translation>Ro&amp;le</translation>
    </message>
    <message>
        <source>Cr&amp;eate the account</source>
        <translation>Cr&amp;eate the account</translation>
    </message>
    <message>
        <source>Loc&amp;k after (minutes idle)</source>
        <translation>Loc&amp;k after (minutes idle)</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>Sa&amp;ve settings</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>the audit log cannot be read</source>
        <translation>the audit log cannot be read</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing</source>
        <translation>entries %1 to %2 are missing</translation>
    </message>
    <message>
        <source>entry %1 was altered or does not follow entry %2</source>
        <translation>entry %1 was altered or does not follow entry %2</translation>
    </message>
    <message>
        <source>entry %1 records that the log had been cut or edited before it (%2)</source>
        <translation>entry %1 records that the log had been cut or edited before it (%2)</translation>
    </message>
    <message>
        <source>the audit log&apos;s head record is missing or was altered</source>
        <translation>the audit log&apos;s head record is missing or was altered</translation>
    </message>
    <message>
        <source>the audit log should end at entry %1 but ends at entry %2</source>
        <translation>the audit log should end at entry %1 but ends at entry %2</translation>
    </message>
    <message>
        <source>the last audit entry was replaced</source>
        <translation>the last audit entry was replaced</translation>
    </message>
    <message>
        <source>audit entry %1 does not open</source>
        <translation>audit entry %1 does not open</translation>
    </message>
</context>
<context>
    <name>BarcodeDecoder</name>
    <message>
        <source>INS DataMatrix refused: %1</source>
        <translation>INS DataMatrix refused: %1</translation>
    </message>
    <message>
        <source>neither a tube label (4 to 40 printable ASCII characters) nor an INS DataMatrix</source>
        <translation>neither a tube label (4 to 40 printable ASCII characters) nor an INS DataMatrix</translation>
    </message>
</context>
<context>
    <name>BarcodeEncoder</name>
    <message>
        <source>the module size must be 1 to %1 pixels</source>
        <translation>the module size must be 1 to %1 pixels</translation>
    </message>
    <message>
        <source>there is nothing to encode</source>
        <translation>there is nothing to encode</translation>
    </message>
    <message>
        <source>Code 128 carries 1 to 80 ASCII characters</source>
        <translation>Code 128 carries 1 to 80 ASCII characters</translation>
    </message>
    <message>
        <source>the text is too long or has characters this code cannot carry</source>
        <translation>the text is too long or has characters this code cannot carry</translation>
    </message>
    <message>
        <source>the text cannot be encoded</source>
        <translation>the text cannot be encoded</translation>
    </message>
    <message>
        <source>the image is too large</source>
        <translation>the image is too large</translation>
    </message>
</context>
<context>
    <name>BundleEntries</name>
    <message>
        <source>only POST and PUT are sent</source>
        <translation>only POST and PUT are sent</translation>
    </message>
    <message>
        <source>two entries have the same fullUrl</source>
        <translation>two entries have the same fullUrl</translation>
    </message>
    <message>
        <source>only one %1 is expected</source>
        <translation>only one %1 is expected</translation>
    </message>
    <message>
        <source>a %1 is required</source>
        <translation>a %1 is required</translation>
    </message>
    <message>
        <source>does not point to a %1 of the Bundle</source>
        <translation>does not point to a %1 of the Bundle</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
</context>
<context>
    <name>CameraScanDialog</name>
    <message>
        <source>Scan with the camera</source>
        <translation>Scan with the camera</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Camera picture</translation>
    </message>
    <message>
        <source>This computer has no camera.</source>
        <translation>This computer has no camera.</translation>
    </message>
    <message>
        <source>Use the barcode scanner, or scan an image file instead (Scan &gt; Scan an image).</source>
        <translation>Use the barcode scanner, or scan an image file instead (Scan &gt; Scan an image).</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>The camera cannot be used: %1</translation>
    </message>
    <message>
        <source>Hold the tube label or the document&apos;s code in front of the camera.</source>
        <translation>Hold the tube label or the document&apos;s code in front of the camera.</translation>
    </message>
</context>
<context>
    <name>CodeRefill</name>
    <message>
        <source>from 1 to %1 codes at a time</source>
        <translation>from 1 to %1 codes at a time</translation>
    </message>
    <message>
        <source>the national server ran out of activation codes: %1 of %2 received</source>
        <translation>the national server ran out of activation codes: %1 of %2 received</translation>
    </message>
    <message>
        <source>the national server has no activation code left</source>
        <translation>the national server has no activation code left</translation>
    </message>
    <message>
        <source>activation codes not refilled: %1</source>
        <translation>activation codes not refilled: %1</translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>The scrypt cost n must be a power of two from %1 to %2.</source>
        <translation>The scrypt cost n must be a power of two from %1 to %2.</translation>
    </message>
    <message>
        <source>The scrypt block size r must be from 1 to %1.</source>
        <translation>The scrypt block size r must be from 1 to %1.</translation>
    </message>
    <message>
        <source>The scrypt parallelism p must be from 1 to %1.</source>
        <translation>The scrypt parallelism p must be from 1 to %1.</translation>
    </message>
    <message>
        <source>The scrypt parameters need %1 MiB of memory, more than the %2 MiB allowed.</source>
        <translation>The scrypt parameters need %1 MiB of memory, more than the %2 MiB allowed.</translation>
    </message>
    <message>
        <source>The key derivation parameters lack the field &quot;%1&quot; or it has the wrong type.</source>
        <translation>The key derivation parameters lack the field &quot;%1&quot; or it has the wrong type.</translation>
    </message>
    <message>
        <source>Unknown key derivation algorithm &quot;%1&quot;.</source>
        <translation>Unknown key derivation algorithm &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The key derivation salt is not valid base64.</source>
        <translation>The key derivation salt is not valid base64.</translation>
    </message>
    <message>
        <source>The key derivation salt has %1 bytes; at least %2 are required.</source>
        <translation>The key derivation salt has %1 bytes; at least %2 are required.</translation>
    </message>
    <message>
        <source>The key derivation salt is empty.</source>
        <translation>The key derivation salt is empty.</translation>
    </message>
    <message>
        <source>The key derivation failed, probably for lack of memory.</source>
        <translation>The key derivation failed, probably for lack of memory.</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>The site today</source>
        <translation>The site today</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>Save as &amp;image...</source>
        <translation>Save as &amp;image...</translation>
    </message>
    <message>
        <source>Save the figures as CS&amp;V...</source>
        <translation>Save the figures as CS&amp;V...</translation>
    </message>
    <message>
        <source>Samples today</source>
        <translation>Samples today</translation>
    </message>
    <message>
        <source>Awaiting a result</source>
        <translation>Awaiting a result</translation>
    </message>
    <message>
        <source>Positivity over 14 days</source>
        <translation>Positivity over 14 days</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Activation codes left</source>
        <translation>Activation codes left</translation>
    </message>
    <message>
        <source>Dashboard message</source>
        <translation>Dashboard message</translation>
    </message>
    <message>
        <source>Samples per hour today</source>
        <translation>Samples per hour today</translation>
    </message>
    <message>
        <source>Results of today&apos;s samples</source>
        <translation>Results of today&apos;s samples</translation>
    </message>
    <message>
        <source>Positivity over the last 14 days</source>
        <translation>Positivity over the last 14 days</translation>
    </message>
    <message>
        <source>Positivity over the last 14 days (%)</source>
        <translation>Positivity over the last 14 days (%)</translation>
    </message>
    <message>
        <source>The figures cannot be read: %1</source>
        <translation>The figures cannot be read: %1</translation>
    </message>
    <message>
        <source>The site on %1</source>
        <translation>The site on %1</translation>
    </message>
    <message>
        <source>samples today</source>
        <translation>samples today</translation>
    </message>
    <message>
        <source>awaiting a result</source>
        <translation>awaiting a result</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>positive over 14 days</source>
        <translation>positive over 14 days</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>oldest %1</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>nothing waits</translation>
    </message>
    <message>
        <source>to send, %1</source>
        <translation>to send, %1</translation>
    </message>
    <message numerus="yes">
        <source>activation codes left (%n end within 7 days)</source>
        <translation>
            <numerusform>activation codes left (%n ends within 7 days)</numerusform>
            <numerusform>activation codes left (%n end within 7 days)</numerusform>
        </translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positive</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Awaiting</source>
        <translation>Awaiting</translation>
    </message>
    <message>
        <source>Positive (%)</source>
        <translation>Positive (%)</translation>
    </message>
    <message>
        <source>the image cannot be written to %1</source>
        <translation>the image cannot be written to %1</translation>
    </message>
    <message>
        <source>the figures cannot be written to %1</source>
        <translation>the figures cannot be written to %1</translation>
    </message>
    <message>
        <source>Save the dashboard as an image</source>
        <translation>Save the dashboard as an image</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Dashboard saved to %1.</source>
        <translation>Dashboard saved to %1.</translation>
    </message>
    <message>
        <source>Save the dashboard&apos;s figures</source>
        <translation>Save the dashboard&apos;s figures</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Figures saved to %1.</source>
        <translation>Figures saved to %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>unknown database error</source>
        <translation>unknown database error</translation>
    </message>
    <message>
        <source>no store at %1 (create one with &apos;sidepctl init&apos;)</source>
        <translation>no store at %1 (create one with &apos;sidepctl init&apos;)</translation>
    </message>
    <message>
        <source>cannot open the store %1: %2</source>
        <translation>cannot open the store %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a readable store</source>
        <translation>%1 is not a readable store</translation>
    </message>
    <message>
        <source>the store has schema version %1, newer than this program&apos;s %2: update the program</source>
        <translation>the store has schema version %1, newer than this program&apos;s %2: update the program</translation>
    </message>
    <message>
        <source>the disk is full: nothing of this action was saved, what was saved before is intact; free some space and try again</source>
        <translation>the disk is full: nothing of this action was saved, what was saved before is intact; free some space and try again</translation>
    </message>
    <message>
        <source>the store&apos;s disk is read-only: nothing can be saved; what was saved before is intact</source>
        <translation>the store&apos;s disk is read-only: nothing can be saved; what was saved before is intact</translation>
    </message>
    <message>
        <source>the disk cannot be written (input/output error): nothing of this action was saved; check the disk</source>
        <translation>the disk cannot be written (input/output error): nothing of this action was saved; check the disk</translation>
    </message>
    <message>
        <source>the store&apos;s file cannot be opened (missing, or its folder is read-only or not allowed)</source>
        <translation>the store&apos;s file cannot be opened (missing, or its folder is read-only or not allowed)</translation>
    </message>
    <message>
        <source>the store&apos;s disk is read-only (it cannot even be opened for reading): what was saved is intact; make the disk writable</source>
        <translation>the store&apos;s disk is read-only (it cannot even be opened for reading): what was saved is intact; make the disk writable</translation>
    </message>
    <message>
        <source>another connection is reading the store; the journal is emptied at the next checkpoint</source>
        <translation>another connection is reading the store; the journal is emptied at the next checkpoint</translation>
    </message>
    <message>
        <source>a backup cannot be made inside a transaction</source>
        <translation>a backup cannot be made inside a transaction</translation>
    </message>
    <message>
        <source>%1 already exists: choose a new file for the backup</source>
        <translation>%1 already exists: choose a new file for the backup</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>cannot create %1: %2</translation>
    </message>
    <message>
        <source>the backup to %1 failed: %2</source>
        <translation>the backup to %1 failed: %2</translation>
    </message>
    <message>
        <source>the site database cannot be reached: nothing of this action was saved, what was saved before is intact; try again when the network or the database is back</source>
        <translation>the site database cannot be reached: nothing of this action was saved, what was saved before is intact; try again when the network or the database is back</translation>
    </message>
    <message>
        <source>%1 is neither a file path nor a site database URL (postgresql://...)</source>
        <translation>%1 is neither a file path nor a site database URL (postgresql://...)</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed: a site database cannot be used (Debian package libqt6sql6-psql)</source>
        <translation>Qt&apos;s PostgreSQL driver (QPSQL) is not installed: a site database cannot be used (Debian package libqt6sql6-psql)</translation>
    </message>
    <message>
        <source>cannot reach the site database %1: %2</source>
        <translation>cannot reach the site database %1: %2</translation>
    </message>
    <message>
        <source>no store in the site database %1 (create one with &apos;sidepctl init&apos;)</source>
        <translation>no store in the site database %1 (create one with &apos;sidepctl init&apos;)</translation>
    </message>
    <message>
        <source>a site database is backed up on its server (pg_dump, base backups), not by a station: see the site database section of the README</source>
        <translation>a site database is backed up on its server (pg_dump, base backups), not by a station: see the site database section of the README</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
</context>
<context>
    <name>FhirReader</name>
    <message>
        <source>must be Bundle</source>
        <translation>must be Bundle</translation>
    </message>
    <message>
        <source>must be transaction</source>
        <translation>must be transaction</translation>
    </message>
    <message>
        <source>must be urn:ietf:rfc:3986</source>
        <translation>must be urn:ietf:rfc:3986</translation>
    </message>
    <message>
        <source>a result comes with its DiagnosticReport</source>
        <translation>a result comes with its DiagnosticReport</translation>
    </message>
    <message>
        <source>the ServiceRequest&apos;s LOINC code is the result&apos;s analysis</source>
        <translation>the ServiceRequest&apos;s LOINC code is the result&apos;s analysis</translation>
    </message>
</context>
<context>
    <name>HttpsTransport</name>
    <message>
        <source>the server is busy and asks to wait (%1): the records stay waiting and go when it allows</source>
        <translation>the server is busy and asks to wait (%1): the records stay waiting and go when it allows</translation>
    </message>
    <message>
        <source>the server failed to take the records (%1): they stay waiting and are sent again later</source>
        <translation>the server failed to take the records (%1): they stay waiting and are sent again later</translation>
    </message>
    <message>
        <source>the server refused the request (%1): check sync.url, it must be the national server&apos;s address</source>
        <translation>the server refused the request (%1): check sync.url, it must be the national server&apos;s address</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was not issued by the site&apos;s configured CA: the server at %1 may not be the national server, or the CA imported on this workstation is not the right one; check sync.url, or import the national server&apos;s CA with &apos;sidepctl config import-ca&apos;</source>
        <translation>the server&apos;s certificate was not issued by the site&apos;s configured CA: the server at %1 may not be the national server, or the CA imported on this workstation is not the right one; check sync.url, or import the national server&apos;s CA with &apos;sidepctl config import-ca&apos;</translation>
    </message>
    <message>
        <source>the server&apos;s certificate has expired (on %1): the national server&apos;s administrators must renew it; if that date is not past, correct this computer&apos;s date and time</source>
        <translation>the server&apos;s certificate has expired (on %1): the national server&apos;s administrators must renew it; if that date is not past, correct this computer&apos;s date and time</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid before %1: correct this computer&apos;s date and time</source>
        <translation>the server&apos;s certificate is not valid before %1: correct this computer&apos;s date and time</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid for the host name %1 in sync.url (it names %2): set sync.url to a name the certificate holds, or ask the server&apos;s administrators for a certificate that names %1</source>
        <translation>the server&apos;s certificate is not valid for the host name %1 in sync.url (it names %2): set sync.url to a name the certificate holds, or ask the server&apos;s administrators for a certificate that names %1</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>no host</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was refused (%1): ask the national server&apos;s administrators</source>
        <translation>the server&apos;s certificate was refused (%1): ask the national server&apos;s administrators</translation>
    </message>
    <message>
        <source>no client certificate is configured for this site, and the server requires one: import the site&apos;s certificate with &apos;sidepctl config import-cert&apos;</source>
        <translation>no client certificate is configured for this site, and the server requires one: import the site&apos;s certificate with &apos;sidepctl config import-cert&apos;</translation>
    </message>
    <message>
        <source>the server refused the site&apos;s client certificate: it expired on %1; import a renewed certificate with &apos;sidepctl config import-cert&apos;</source>
        <translation>the server refused the site&apos;s client certificate: it expired on %1; import a renewed certificate with &apos;sidepctl config import-cert&apos;</translation>
    </message>
    <message>
        <source>the server refused the site&apos;s client certificate: it is not one the server accepts (issued by another CA, revoked or for another use); import the certificate the national server issued to this site with &apos;sidepctl config import-cert&apos;</source>
        <translation>the server refused the site&apos;s client certificate: it is not one the server accepts (issued by another CA, revoked or for another use); import the certificate the national server issued to this site with &apos;sidepctl config import-cert&apos;</translation>
    </message>
    <message>
        <source>the server at %1 and this workstation have no TLS version in common: this workstation requires TLS 1.2 or later; the server must be upgraded</source>
        <translation>the server at %1 and this workstation have no TLS version in common: this workstation requires TLS 1.2 or later; the server must be upgraded</translation>
    </message>
    <message>
        <source>the server at %1 refused the connection: it is not running or not reachable there; check sync.url and the network (the records stay waiting and are sent when it is back)</source>
        <translation>the server at %1 refused the connection: it is not running or not reachable there; check sync.url and the network (the records stay waiting and are sent when it is back)</translation>
    </message>
    <message>
        <source>the server&apos;s host name %1 (sync.url) cannot be found: check sync.url and this computer&apos;s network</source>
        <translation>the server&apos;s host name %1 (sync.url) cannot be found: check sync.url and this computer&apos;s network</translation>
    </message>
    <message>
        <source>the server at %1 closed the connection before answering: the records stay waiting and are sent again (the server recognises those it already has)</source>
        <translation>the server at %1 closed the connection before answering: the records stay waiting and are sent again (the server recognises those it already has)</translation>
    </message>
    <message>
        <source>this computer&apos;s network is unavailable (%1): the records stay waiting and are sent when it is back</source>
        <translation>this computer&apos;s network is unavailable (%1): the records stay waiting and are sent when it is back</translation>
    </message>
    <message>
        <source>the secure connection to the server at %1 failed (%2): check sync.url and the site&apos;s certificates (&apos;sidepctl config show&apos;)</source>
        <translation>the secure connection to the server at %1 failed (%2): check sync.url and the site&apos;s certificates (&apos;sidepctl config show&apos;)</translation>
    </message>
    <message>
        <source>the connection to the server at %1 failed (%2): the records stay waiting and are sent again</source>
        <translation>the connection to the server at %1 failed (%2): the records stay waiting and are sent again</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a batch of activation codes</source>
        <translation>the server&apos;s answer is not a batch of activation codes</translation>
    </message>
    <message numerus="yes">
        <source>nothing moved between this workstation and the server at %1 for %n second(s): it is down, overloaded or unreachable; the records stay waiting and are sent again</source>
        <translation>
            <numerusform>nothing moved between this workstation and the server at %1 for %n second: it is down, overloaded or unreachable; the records stay waiting and are sent again</numerusform>
            <numerusform>nothing moved between this workstation and the server at %1 for %n seconds: it is down, overloaded or unreachable; the records stay waiting and are sent again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <source>%1 must have %2 characters, not %3</source>
        <translation>%1 must have %2 characters, not %3</translation>
    </message>
    <message>
        <source>%1 may contain only digits, and 2A or 2B for Corsica</source>
        <translation>%1 may contain only digits, and 2A or 2B for Corsica</translation>
    </message>
    <message>
        <source>%1 may contain only digits</source>
        <translation>%1 may contain only digits</translation>
    </message>
    <message>
        <source>the first NIR digit (sex) must be 1, 2, 3, 4, 7 or 8</source>
        <translation>the first NIR digit (sex) must be 1, 2, 3, 4, 7 or 8</translation>
    </message>
    <message>
        <source>the NIR birth month must be 01 to 12, 20, 31 to 42 or 50 to 99</source>
        <translation>the NIR birth month must be 01 to 12, 20, 31 to 42 or 50 to 99</translation>
    </message>
    <message>
        <source>the NIR department must be 01 to 95, 2A, 2B, 97, 98 or 99</source>
        <translation>the NIR department must be 01 to 95, 2A, 2B, 97, 98 or 99</translation>
    </message>
    <message>
        <source>the NIR order number must be 001 to 999</source>
        <translation>the NIR order number must be 001 to 999</translation>
    </message>
    <message>
        <source>the first NIR digit does not agree with the sex</source>
        <translation>the first NIR digit does not agree with the sex</translation>
    </message>
    <message>
        <source>the birth year in the NIR does not agree with the birth date</source>
        <translation>the birth year in the NIR does not agree with the birth date</translation>
    </message>
    <message>
        <source>the birth month in the NIR does not agree with the birth date</source>
        <translation>the birth month in the NIR does not agree with the birth date</translation>
    </message>
    <message>
        <source>not the OID of an INS authority (NIR, NIA, test or demonstration)</source>
        <translation>not the OID of an INS authority (NIR, NIA, test or demonstration)</translation>
    </message>
    <message>
        <source>the COG department must be 01 to 95, 2A, 2B, 97, 98 or 99</source>
        <translation>the COG department must be 01 to 95, 2A, 2B, 97, 98 or 99</translation>
    </message>
    <message>
        <source>the COG commune or country number cannot be zero</source>
        <translation>the COG commune or country number cannot be zero</translation>
    </message>
    <message>
        <source>a LOINC code is 1 to 5 digits, a dash and a check digit</source>
        <translation>a LOINC code is 1 to 5 digits, a dash and a check digit</translation>
    </message>
    <message>
        <source>a phone number is digits starting with 0, or with + or 00 and a country code</source>
        <translation>a phone number is digits starting with 0, or with + or 00 and a country code</translation>
    </message>
    <message>
        <source>a French phone number has 10 digits, not %1</source>
        <translation>a French phone number has 10 digits, not %1</translation>
    </message>
    <message>
        <source>an international phone number has 8 to 15 digits, not %1</source>
        <translation>an international phone number has 8 to 15 digits, not %1</translation>
    </message>
    <message>
        <source>a French phone number has 9 digits after +33, not %1</source>
        <translation>a French phone number has 9 digits after +33, not %1</translation>
    </message>
    <message>
        <source>a mobile phone number is expected (06, 07 or an overseas mobile number)</source>
        <translation>a mobile phone number is expected (06, 07 or an overseas mobile number)</translation>
    </message>
    <message>
        <source>an e-mail address has at most 254 characters, not %1</source>
        <translation>an e-mail address has at most 254 characters, not %1</translation>
    </message>
    <message>
        <source>an e-mail address needs an @</source>
        <translation>an e-mail address needs an @</translation>
    </message>
    <message>
        <source>the part before @ has at most 64 characters, not %1</source>
        <translation>the part before @ has at most 64 characters, not %1</translation>
    </message>
    <message>
        <source>the part before @ is empty, contains a character that is not allowed or a misplaced dot</source>
        <translation>the part before @ is empty, contains a character that is not allowed or a misplaced dot</translation>
    </message>
    <message>
        <source>the domain after @ must be names of letters, digits and hyphens separated by dots</source>
        <translation>the domain after @ must be names of letters, digits and hyphens separated by dots</translation>
    </message>
    <message>
        <source>a French postal code has 5 digits and starts with a department</source>
        <translation>a French postal code has 5 digits and starts with a department</translation>
    </message>
    <message>
        <source>a postal code has 2 to 10 letters or digits, with spaces or hyphens</source>
        <translation>a postal code has 2 to 10 letters or digits, with spaces or hyphens</translation>
    </message>
    <message>
        <source>a country is written as its two-letter ISO 3166 code</source>
        <translation>a country is written as its two-letter ISO 3166 code</translation>
    </message>
    <message>
        <source>not an ISO 3166 country code</source>
        <translation>not an ISO 3166 country code</translation>
    </message>
    <message>
        <source>a date is written YYYY-MM-DD</source>
        <translation>a date is written YYYY-MM-DD</translation>
    </message>
    <message>
        <source>this date does not exist in the calendar</source>
        <translation>this date does not exist in the calendar</translation>
    </message>
    <message>
        <source>a date and time is written YYYY-MM-DDThh:mm:ss followed by Z or +hh:mm</source>
        <translation>a date and time is written YYYY-MM-DDThh:mm:ss followed by Z or +hh:mm</translation>
    </message>
    <message>
        <source>a date and time needs its offset from UTC (Z or +hh:mm): a local time is ambiguous</source>
        <translation>a date and time needs its offset from UTC (Z or +hh:mm): a local time is ambiguous</translation>
    </message>
    <message>
        <source>this date or time does not exist</source>
        <translation>this date or time does not exist</translation>
    </message>
    <message>
        <source>an offset from UTC is between -12:00 and +14:00</source>
        <translation>an offset from UTC is between -12:00 and +14:00</translation>
    </message>
    <message>
        <source>a name has 1 to 100 characters, not %1</source>
        <translation>a name has 1 to 100 characters, not %1</translation>
    </message>
    <message>
        <source>a name may contain only letters, spaces, hyphens and apostrophes</source>
        <translation>a name may contain only letters, spaces, hyphens and apostrophes</translation>
    </message>
    <message>
        <source>a name must contain at least one letter</source>
        <translation>a name must contain at least one letter</translation>
    </message>
    <message>
        <source>the %1 is wrong (its check key does not match): read the number again from the document</source>
        <translation>the %1 is wrong (its check key does not match): read the number again from the document</translation>
    </message>
    <message>
        <source>the NIR is wrong (its key does not match): read the whole number again from the patient&apos;s card</source>
        <translation>the NIR is wrong (its key does not match): read the whole number again from the patient&apos;s card</translation>
    </message>
</context>
<context>
    <name>InsDataMatrix</name>
    <message>
        <source>INS matricule</source>
        <translation>INS matricule</translation>
    </message>
    <message>
        <source>matricule authority</source>
        <translation>matricule authority</translation>
    </message>
    <message>
        <source>birth given names</source>
        <translation>birth given names</translation>
    </message>
    <message>
        <source>birth family name</source>
        <translation>birth family name</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sex</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>birth date</translation>
    </message>
    <message>
        <source>birth place</source>
        <translation>birth place</translation>
    </message>
    <message>
        <source>field %1 (%2)</source>
        <translation>field %1 (%2)</translation>
    </message>
    <message>
        <source>%1 is missing or out of order</source>
        <translation>%1 is missing or out of order</translation>
    </message>
    <message>
        <source>%1 must be exactly %2 characters</source>
        <translation>%1 must be exactly %2 characters</translation>
    </message>
    <message>
        <source>%1 must be %2 to %3 characters</source>
        <translation>%1 must be %2 to %3 characters</translation>
    </message>
    <message>
        <source>unexpected characters after the last field (%1)</source>
        <translation>unexpected characters after the last field (%1)</translation>
    </message>
    <message>
        <source>wrong key</source>
        <translation>wrong key</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not an INS DataMatrix: the text must start with IS, a version and 22 zeros</source>
        <translation>not an INS DataMatrix: the text must start with IS, a version and 22 zeros</translation>
    </message>
    <message>
        <source>INS DataMatrix version not supported (01 only)</source>
        <translation>INS DataMatrix version not supported (01 only)</translation>
    </message>
    <message>
        <source>the GS separator after %1 is missing</source>
        <translation>the GS separator after %1 is missing</translation>
    </message>
    <message>
        <source>digits only, 2A or 2B for Corsica</source>
        <translation>digits only, 2A or 2B for Corsica</translation>
    </message>
    <message>
        <source>no spaces allowed</source>
        <translation>no spaces allowed</translation>
    </message>
    <message>
        <source>%1 may hold only upper-case letters, single spaces, hyphens and apostrophes</source>
        <translation>%1 may hold only upper-case letters, single spaces, hyphens and apostrophes</translation>
    </message>
    <message>
        <source>%1 must be F or M</source>
        <translation>%1 must be F or M</translation>
    </message>
    <message>
        <source>%1 must be written DD-MM-YYYY</source>
        <translation>%1 must be written DD-MM-YYYY</translation>
    </message>
    <message>
        <source>%1 is not a date of the calendar</source>
        <translation>%1 is not a date of the calendar</translation>
    </message>
    <message>
        <source>%1 is in the future</source>
        <translation>%1 is in the future</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>more problems than %1: the rest are not listed</source>
        <translation>more problems than %1: the rest are not listed</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>must be a string</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>must be an array</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>must be a non-empty string</translation>
    </message>
    <message>
        <source>none of the codes this element takes</source>
        <translation>none of the codes this element takes</translation>
    </message>
    <message>
        <source>no coding from the expected code system</source>
        <translation>no coding from the expected code system</translation>
    </message>
</context>
<context>
    <name>LabelBatchDialog</name>
    <message>
        <source>Print a batch of tube labels</source>
        <translation>Print a batch of tube labels</translation>
    </message>
    <message>
        <source>Labels for pre-printed tubes, numbered by the store: no other workstation prints the same numbers. Each tube&apos;s label is scanned when its sample is taken.</source>
        <translation>Labels for pre-printed tubes, numbered by the store: no other workstation prints the same numbers. Each tube&apos;s label is scanned when its sample is taken.</translation>
    </message>
    <message>
        <source>&amp;How many labels?</source>
        <translation>&amp;How many labels?</translation>
    </message>
    <message>
        <source>Number of labels</source>
        <translation>Number of labels</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SI-DEP sampling portal</source>
        <translation>SI-DEP sampling portal</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>The new language applies from the next start.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>S&amp;can</source>
        <translation>S&amp;can</translation>
    </message>
    <message>
        <source>Scan an &amp;image...</source>
        <translation>Scan an &amp;image...</translation>
    </message>
    <message>
        <source>Scan with the &amp;camera...</source>
        <translation>Scan with the &amp;camera...</translation>
    </message>
    <message>
        <source>Print a &amp;batch of tube labels...</source>
        <translation>Print a &amp;batch of tube labels...</translation>
    </message>
    <message>
        <source>The store cannot be opened</source>
        <translation>The store cannot be opened</translation>
    </message>
    <message>
        <source>&amp;New sampling</source>
        <translation>&amp;New sampling</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>&amp;Accounts and settings</source>
        <translation>&amp;Accounts and settings</translation>
    </message>
    <message>
        <source>Form restored</source>
        <translation>Form restored</translation>
    </message>
    <message>
        <source>The sampling form you had started was restored.</source>
        <translation>The sampling form you had started was restored.</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) at %3</translation>
    </message>
    <message>
        <source>A scan was read, but this screen has no use for it.</source>
        <translation>A scan was read, but this screen has no use for it.</translation>
    </message>
    <message>
        <source>Tube label read.</source>
        <translation>Tube label read.</translation>
    </message>
    <message>
        <source>Replace the identity?</source>
        <translation>Replace the identity?</translation>
    </message>
    <message>
        <source>The document&apos;s identity differs from the form in: %1. Replace with the document&apos;s identity?</source>
        <translation>The document&apos;s identity differs from the form in: %1. Replace with the document&apos;s identity?</translation>
    </message>
    <message>
        <source>The identity from the document was not used.</source>
        <translation>The identity from the document was not used.</translation>
    </message>
    <message>
        <source>Qualified identity read from the INS code.</source>
        <translation>Qualified identity read from the INS code.</translation>
    </message>
    <message>
        <source>INS code refused: %1</source>
        <translation>INS code refused: %1</translation>
    </message>
    <message>
        <source>Code not recognised: %1</source>
        <translation>Code not recognised: %1</translation>
    </message>
    <message>
        <source>This file cannot be read as an image: %1</source>
        <translation>This file cannot be read as an image: %1</translation>
    </message>
    <message>
        <source>No code was found in this image.</source>
        <translation>No code was found in this image.</translation>
    </message>
    <message>
        <source>Scan an image</source>
        <translation>Scan an image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>No labels printed.</source>
        <translation>No labels printed.</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed, from %1 to %2.</source>
        <translation>
            <numerusform>%n label printed, from %1 to %2.</numerusform>
            <numerusform>%n labels printed, from %1 to %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Results</translation>
    </message>
    <message>
        <source>No activation code left</source>
        <translation>No activation code left</translation>
    </message>
    <message>
        <source>This positive result has no activation code: none is left. Its QR code will be made as soon as codes arrive; import a batch of codes now if you have one.</source>
        <translation>This positive result has no activation code: none is left. Its QR code will be made as soon as codes arrive; import a batch of codes now if you have one.</translation>
    </message>
    <message>
        <source>S&amp;ynchronisation</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>&amp;National server</source>
        <translation>&amp;National server</translation>
    </message>
    <message numerus="yes">
        <source>%n refused sign-in(s) on your account since your last sign-in, the last at %1</source>
        <translation>
            <numerusform>%n refused sign-in on your account since your last sign-in, at %1</numerusform>
            <numerusform>%n refused sign-ins on your account since your last sign-in, the last at %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;?</source>
        <translation>&amp;?</translation>
    </message>
    <message>
        <source>&amp;About sidep-portal</source>
        <translation>&amp;About sidep-portal</translation>
    </message>
    <message>
        <source>Connection to the national server</source>
        <translation>Connection to the national server</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>La&amp;bels</translation>
    </message>
    <message>
        <source>Site &amp;figures</source>
        <translation>Site &amp;figures</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>nothing waits</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting since %1</source>
        <translation>
            <numerusform>%n waiting since %1</numerusform>
            <numerusform>%n waiting since %1</numerusform>
        </translation>
    </message>
    <message>
        <source>National server: not set up</source>
        <translation>National server: not set up</translation>
    </message>
    <message>
        <source>National server</source>
        <translation>National server</translation>
    </message>
    <message>
        <source>National server: out of reach, records kept</source>
        <translation>National server: out of reach, records kept</translation>
    </message>
    <message>
        <source>National server: sending</source>
        <translation>National server: sending</translation>
    </message>
    <message>
        <source>National server: connected</source>
        <translation>National server: connected</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Label %1 printed again.</source>
        <translation>Label %1 printed again.</translation>
    </message>
    <message>
        <source>A sampling is in progress in the form: save it or discard it first, then correct this record.</source>
        <translation>A sampling is in progress in the form: save it or discard it first, then correct this record.</translation>
    </message>
    <message>
        <source>Tube label refused: see the message at the tube field.</source>
        <translation>Tube label refused: see the message at the tube field.</translation>
    </message>
    <message>
        <source>National server: this store went back in time, nothing is sent (see Sync)</source>
        <translation>National server: this store went back in time, nothing is sent (see Sync)</translation>
    </message>
    <message>
        <source>This station&apos;s records were moved into the site database on %1: join it to go on working there.</source>
        <translation>This station&apos;s records were moved into the site database on %1: join it to go on working there.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>version %1 of record %2 is not in the outbox</source>
        <translation>version %1 of record %2 is not in the outbox</translation>
    </message>
    <message>
        <source>record %1 is damaged: the reason of its version %2 does not decrypt</source>
        <translation>record %1 is damaged: the reason of its version %2 does not decrypt</translation>
    </message>
    <message>
        <source>record %1 is damaged: its version %2 was replaced without a copy</source>
        <translation>record %1 is damaged: its version %2 was replaced without a copy</translation>
    </message>
    <message>
        <source>record %1 is damaged: the copy of its version %2 does not decrypt</source>
        <translation>record %1 is damaged: the copy of its version %2 does not decrypt</translation>
    </message>
    <message>
        <source>record %1 is damaged: the result its version %2 cancelled does not decrypt</source>
        <translation>record %1 is damaged: the result its version %2 cancelled does not decrypt</translation>
    </message>
</context>
<context>
    <name>PasswordQuality</name>
    <message>
        <source>must not contain the user name</source>
        <translation>must not contain the user name</translation>
    </message>
    <message>
        <source>is, or is built on, a dictionary word</source>
        <translation>is, or is built on, a dictionary word</translation>
    </message>
    <message>
        <source>must not read the same backwards</source>
        <translation>must not read the same backwards</translation>
    </message>
    <message>
        <source>repeats the same character too often</source>
        <translation>repeats the same character too often</translation>
    </message>
    <message>
        <source>must not contain a sequence such as 123456 or abcdef</source>
        <translation>must not contain a sequence such as 123456 or abcdef</translation>
    </message>
    <message>
        <source>must have at least %1 characters</source>
        <translation>must have at least %1 characters</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>is empty</translation>
    </message>
    <message>
        <source>is too easy to guess</source>
        <translation>is too easy to guess</translation>
    </message>
    <message>
        <source>password: must have at least %1 characters</source>
        <translation>password: must have at least %1 characters</translation>
    </message>
    <message>
        <source>password: the password quality check cannot start</source>
        <translation>password: the password quality check cannot start</translation>
    </message>
    <message>
        <source>password: the dictionary of common passwords (cracklib-runtime) is missing; ask your administrator</source>
        <translation>password: the dictionary of common passwords (cracklib-runtime) is missing; ask your administrator</translation>
    </message>
    <message>
        <source>password: %1</source>
        <translation>password: %1</translation>
    </message>
    <message>
        <source>password: one dictionary word with digits, symbols or repeats added is easy to guess; use several words</source>
        <translation>password: one dictionary word with digits, symbols or repeats added is easy to guess; use several words</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>sex unknown</translation>
    </message>
    <message>
        <source>sex not entered</source>
        <translation>sex not entered</translation>
    </message>
    <message>
        <source>provisional identity</source>
        <translation>provisional identity</translation>
    </message>
    <message>
        <source>retrieved identity</source>
        <translation>retrieved identity</translation>
    </message>
    <message>
        <source>validated identity</source>
        <translation>validated identity</translation>
    </message>
    <message>
        <source>qualified identity (INS)</source>
        <translation>qualified identity (INS)</translation>
    </message>
    <message>
        <source>identity status not entered</source>
        <translation>identity status not entered</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (usual name %2)</source>
        <translation>%1 (usual name %2)</translation>
    </message>
    <message>
        <source>born %1 (%2)</source>
        <translation>born %1 (%2)</translation>
    </message>
    <message>
        <source>birth date not entered</source>
        <translation>birth date not entered</translation>
    </message>
    <message>
        <source>no INS number</source>
        <translation>no INS number</translation>
    </message>
    <message>
        <source>INS %1</source>
        <translation>INS %1</translation>
    </message>
    <message>
        <source>sampled %1</source>
        <translation>sampled %1</translation>
    </message>
    <message>
        <source>INS %1 (wrong: to read again)</source>
        <translation>INS %1 (wrong: to read again)</translation>
    </message>
</context>
<context>
    <name>PostgresUrl</name>
    <message>
        <source>PostgreSQL URL: %1 is not a host or host:port</source>
        <translation>PostgreSQL URL: %1 is not a host or host:port</translation>
    </message>
    <message>
        <source>PostgreSQL URL: port %1 is not from 1 to 65535</source>
        <translation>PostgreSQL URL: port %1 is not from 1 to 65535</translation>
    </message>
    <message>
        <source>a PostgreSQL URL is postgresql://user@host:port/database</source>
        <translation>a PostgreSQL URL is postgresql://user@host:port/database</translation>
    </message>
    <message>
        <source>the PostgreSQL password must not be in the URL, where every user of the machine can read it: put it in ~/.pgpass or the file named by PGPASSFILE (mode 0600, a line host:port:database:user:password), in a service file (?service=NAME, PGSERVICEFILE), or in PGPASSWORD</source>
        <translation>the PostgreSQL password must not be in the URL, where every user of the machine can read it: put it in ~/.pgpass or the file named by PGPASSFILE (mode 0600, a line host:port:database:user:password), in a service file (?service=NAME, PGSERVICEFILE), or in PGPASSWORD</translation>
    </message>
    <message>
        <source>PostgreSQL URL: the user name must not hold spaces, quotes, backslashes or &apos;;&apos;</source>
        <translation>PostgreSQL URL: the user name must not hold spaces, quotes, backslashes or &apos;;&apos;</translation>
    </message>
    <message>
        <source>PostgreSQL URL parameter %1: not supported (use %2)</source>
        <translation>PostgreSQL URL parameter %1: not supported (use %2)</translation>
    </message>
    <message>
        <source>PostgreSQL URL parameter %1: the value must not be empty nor hold spaces, quotes, backslashes or &apos;;&apos;</source>
        <translation>PostgreSQL URL parameter %1: the value must not be empty nor hold spaces, quotes, backslashes or &apos;;&apos;</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>there is nothing to encode</source>
        <translation>there is nothing to encode</translation>
    </message>
    <message>
        <source>the text is too long for a QR code</source>
        <translation>the text is too long for a QR code</translation>
    </message>
</context>
<context>
    <name>QueueWidget</name>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <source>Sampling day</source>
        <translation>Sampling day</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>All days</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>Record status</source>
        <translation>Record status</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>Searc&amp;h</translation>
    </message>
    <message>
        <source>Search by tube label or patient name</source>
        <translation>Search by tube label or patient name</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the selected record.</source>
        <translation>Press Enter or double-click to open the selected record.</translation>
    </message>
    <message>
        <source>Number of records shown</source>
        <translation>Number of records shown</translation>
    </message>
    <message>
        <source>Queue message</source>
        <translation>Queue message</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>No store open</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) found</source>
        <translation>
            <numerusform>%n record found</numerusform>
            <numerusform>%n records found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>The queue cannot be read: %1</translation>
    </message>
    <message>
        <source>Name, first name, &quot;first last&quot; or the end of a tube label, then Enter</source>
        <translation>Name, first name, &quot;first last&quot; or the end of a tube label, then Enter</translation>
    </message>
    <message>
        <source>Press Enter to search. A whole tube label is tried first, then the start of the names (birth, usual and first names, in any order) and the end of tube labels.</source>
        <translation>Press Enter to search. A whole tube label is tried first, then the start of the names (birth, usual and first names, in any order) and the end of tube labels.</translation>
    </message>
    <message>
        <source>Selected record</source>
        <translation>Selected record</translation>
    </message>
    <message>
        <source>The selected record</source>
        <translation>The selected record</translation>
    </message>
    <message>
        <source>Re&amp;print the tube label</source>
        <translation>Re&amp;print the tube label</translation>
    </message>
    <message>
        <source>C&amp;orrect this record...</source>
        <translation>C&amp;orrect this record...</translation>
    </message>
    <message>
        <source>Select a record to see it here.</source>
        <translation>Select a record to see it here.</translation>
    </message>
    <message>
        <source>Tube: %1</source>
        <translation>Tube: %1</translation>
    </message>
    <message>
        <source>Status: %1 (version %2)</source>
        <translation>Status: %1 (version %2)</translation>
    </message>
    <message>
        <source>Result: none yet</source>
        <translation>Result: none yet</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>The patient</source>
        <translation>The patient</translation>
    </message>
    <message>
        <source>A trusted relative</source>
        <translation>A trusted relative</translation>
    </message>
    <message>
        <source>Tube label</source>
        <translation>Tube label</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Birth name</translation>
    </message>
    <message>
        <source>First names at birth</source>
        <translation>First names at birth</translation>
    </message>
    <message>
        <source>Usual name</source>
        <translation>Usual name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Place of birth (INSEE code)</source>
        <translation>Place of birth (INSEE code)</translation>
    </message>
    <message>
        <source>INS number (NIR or NIA)</source>
        <translation>INS number (NIR or NIA)</translation>
    </message>
    <message>
        <source>INS number authority</source>
        <translation>INS number authority</translation>
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
        <translation>Test NIR</translation>
    </message>
    <message>
        <source>Demonstration NIR</source>
        <translation>Demonstration NIR</translation>
    </message>
    <message>
        <source>Identity status</source>
        <translation>Identity status</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Retrieved</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validated</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualified</translation>
    </message>
    <message>
        <source>Social security number of the insured person</source>
        <translation>Social security number of the insured person</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Address (continued)</source>
        <translation>Address (continued)</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Country (ISO code)</source>
        <translation>Country (ISO code)</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Whose e-mail address</source>
        <translation>Whose e-mail address</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Whose mobile phone</source>
        <translation>Whose mobile phone</translation>
    </message>
    <message>
        <source>Landline phone</source>
        <translation>Landline phone</translation>
    </message>
    <message>
        <source>Current place of residence</source>
        <translation>Current place of residence</translation>
    </message>
    <message>
        <source>Individual housing</source>
        <translation>Individual housing</translation>
    </message>
    <message>
        <source>Hospitalised</source>
        <translation>Hospitalised</translation>
    </message>
    <message>
        <source>Resident of a care home (EHPAD)</source>
        <translation>Resident of a care home (EHPAD)</translation>
    </message>
    <message>
        <source>In prison</source>
        <translation>In prison</translation>
    </message>
    <message>
        <source>Other collective accommodation</source>
        <translation>Other collective accommodation</translation>
    </message>
    <message>
        <source>Works in the health system</source>
        <translation>Works in the health system</translation>
    </message>
    <message>
        <source>First symptoms</source>
        <translation>First symptoms</translation>
    </message>
    <message>
        <source>No symptoms</source>
        <translation>No symptoms</translation>
    </message>
    <message>
        <source>Today or yesterday</source>
        <translation>Today or yesterday</translation>
    </message>
    <message>
        <source>2 to 4 days ago</source>
        <translation>2 to 4 days ago</translation>
    </message>
    <message>
        <source>5 to 7 days ago</source>
        <translation>5 to 7 days ago</translation>
    </message>
    <message>
        <source>More than a week ago</source>
        <translation>More than a week ago</translation>
    </message>
    <message>
        <source>Does not know</source>
        <translation>Does not know</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>Fever</translation>
    </message>
    <message>
        <source>Cough</source>
        <translation>Cough</translation>
    </message>
    <message>
        <source>Sore throat</source>
        <translation>Sore throat</translation>
    </message>
    <message>
        <source>Loss of taste or smell</source>
        <translation>Loss of taste or smell</translation>
    </message>
    <message>
        <source>Unusual tiredness or aches</source>
        <translation>Unusual tiredness or aches</translation>
    </message>
    <message>
        <source>Diarrhoea</source>
        <translation>Diarrhoea</translation>
    </message>
    <message>
        <source>Difficulty breathing</source>
        <translation>Difficulty breathing</translation>
    </message>
    <message>
        <source>Prescriber: RPPS number</source>
        <translation>Prescriber: RPPS number</translation>
    </message>
    <message>
        <source>Prescriber: ADELI number</source>
        <translation>Prescriber: ADELI number</translation>
    </message>
    <message>
        <source>Prescriber: name</source>
        <translation>Prescriber: name</translation>
    </message>
    <message>
        <source>Prescriber: first name</source>
        <translation>Prescriber: first name</translation>
    </message>
    <message>
        <source>Prescriber: MSSanté address</source>
        <translation>Prescriber: MSSanté address</translation>
    </message>
    <message>
        <source>Prescriber: practice</source>
        <translation>Prescriber: practice</translation>
    </message>
    <message>
        <source>Prescriber: practice phone</source>
        <translation>Prescriber: practice phone</translation>
    </message>
    <message>
        <source>Treating physician: RPPS number</source>
        <translation>Treating physician: RPPS number</translation>
    </message>
    <message>
        <source>Treating physician: ADELI number</source>
        <translation>Treating physician: ADELI number</translation>
    </message>
    <message>
        <source>Treating physician: name</source>
        <translation>Treating physician: name</translation>
    </message>
    <message>
        <source>Treating physician: first name</source>
        <translation>Treating physician: first name</translation>
    </message>
    <message>
        <source>Treating physician: MSSanté address</source>
        <translation>Treating physician: MSSanté address</translation>
    </message>
    <message>
        <source>Sampling date and time</source>
        <translation>Sampling date and time</translation>
    </message>
    <message>
        <source>FINESS of the responsible laboratory</source>
        <translation>FINESS of the responsible laboratory</translation>
    </message>
    <message>
        <source>FINESS kind</source>
        <translation>FINESS kind</translation>
    </message>
    <message>
        <source>Geographic</source>
        <translation>Geographic</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <source>&amp;1 Tube</source>
        <translation>&amp;1 Tube</translation>
    </message>
    <message>
        <source>&amp;2 Identity</source>
        <translation>&amp;2 Identity</translation>
    </message>
    <message>
        <source>&amp;3 Contact</source>
        <translation>&amp;3 Contact</translation>
    </message>
    <message>
        <source>&amp;4 Situation</source>
        <translation>&amp;4 Situation</translation>
    </message>
    <message>
        <source>&amp;5 Physicians</source>
        <translation>&amp;5 Physicians</translation>
    </message>
    <message>
        <source>&amp;6 Sampling</source>
        <translation>&amp;6 Sampling</translation>
    </message>
    <message>
        <source>&amp;7 Review</source>
        <translation>&amp;7 Review</translation>
    </message>
</context>
<context>
    <name>RecordFormWidget</name>
    <message>
        <source>Form message</source>
        <translation>Form message</translation>
    </message>
    <message>
        <source>Sampling record pages</source>
        <translation>Sampling record pages</translation>
    </message>
    <message>
        <source>Tube</source>
        <translation>Tube</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Physicians</source>
        <translation>Physicians</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>What is missing or wrong</source>
        <translation>What is missing or wrong</translation>
    </message>
    <message>
        <source>Reason for keeping the INS number</source>
        <translation>Reason for keeping the INS number</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation>%1: message</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The form in progress was restored.</source>
        <translation>The form in progress was restored.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <source>scan the printed label to check it before saving</source>
        <translation>scan the printed label to check it before saving</translation>
    </message>
    <message>
        <source>To fix: %1: %2</source>
        <translation>To fix: %1: %2</translation>
    </message>
    <message>
        <source>Missing: %1: %2</source>
        <translation>Missing: %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving.</source>
        <translation>
            <numerusform>%n thing to fix before saving.</numerusform>
            <numerusform>%n things to fix before saving.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some information is missing: confirm to save without it.</source>
        <translation>Some information is missing: confirm to save without it.</translation>
    </message>
    <message>
        <source>Saved. Ready for the next tube.</source>
        <translation>Saved. Ready for the next tube.</translation>
    </message>
    <message>
        <source>Not saved: see the list.</source>
        <translation>Not saved: see the list.</translation>
    </message>
    <message>
        <source>Discard this form?</source>
        <translation>Discard this form?</translation>
    </message>
    <message>
        <source>Everything typed in this form will be lost.</source>
        <translation>Everything typed in this form will be lost.</translation>
    </message>
    <message>
        <source>Label printed. Stick it on the tube and scan it to check it.</source>
        <translation>Label printed. Stick it on the tube and scan it to check it.</translation>
    </message>
    <message>
        <source>The scanned label is not the one just printed: check the tube.</source>
        <translation>The scanned label is not the one just printed: check the tube.</translation>
    </message>
    <message>
        <source>Printed label checked.</source>
        <translation>Printed label checked.</translation>
    </message>
    <message>
        <source>Type the whole address on the first line (&quot;12 rue des Lilas 75012 Paris&quot;): the postal code and the town fill themselves.</source>
        <translation>Type the whole address on the first line (&quot;12 rue des Lilas 75012 Paris&quot;): the postal code and the town fill themselves.</translation>
    </message>
    <message>
        <source>0 on the place of residence: the usual answers at once (individual housing, not working in the health system, no symptoms).</source>
        <translation>0 on the place of residence: the usual answers at once (individual housing, not working in the health system, no symptoms).</translation>
    </message>
    <message>
        <source>Read back to the patient before saving</source>
        <translation>Read back to the patient before saving</translation>
    </message>
    <message>
        <source>Contact and sampling to read back</source>
        <translation>Contact and sampling to read back</translation>
    </message>
    <message>
        <source>Reason for the co&amp;rrection (kept in the record&apos;s history)</source>
        <translation>Reason for the co&amp;rrection (kept in the record&apos;s history)</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>Reason for &amp;keeping an INS number that disagrees with sex or date of birth</source>
        <translation>Reason for &amp;keeping an INS number that disagrees with sex or date of birth</translation>
    </message>
    <message>
        <source>I c&amp;onfirm: save without the missing information listed</source>
        <translation>I c&amp;onfirm: save without the missing information listed</translation>
    </message>
    <message>
        <source>Sa&amp;ve the sampling record</source>
        <translation>Sa&amp;ve the sampling record</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>Ne&amp;xt</translation>
    </message>
    <message>
        <source>Print a ne&amp;w label for this tube</source>
        <translation>Print a ne&amp;w label for this tube</translation>
    </message>
    <message>
        <source>Sa&amp;ve the correction</source>
        <translation>Sa&amp;ve the correction</translation>
    </message>
    <message>
        <source>this tube label is already used at this site: take another tube or check the label</source>
        <translation>this tube label is already used at this site: take another tube or check the label</translation>
    </message>
    <message>
        <source>say why the saved record is corrected</source>
        <translation>say why the saved record is corrected</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Mobile phone: %1</source>
        <translation>Mobile phone: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <source>Tube: %1</source>
        <translation>Tube: %1</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>not scanned</translation>
    </message>
    <message>
        <source>Sampled: %1</source>
        <translation>Sampled: %1</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Everything is filled in. Read the card back to the patient, then press Save.</source>
        <translation>Everything is filled in. Read the card back to the patient, then press Save.</translation>
    </message>
    <message>
        <source>Correction saved (version %1). Ready for the next tube.</source>
        <translation>Correction saved (version %1). Ready for the next tube.</translation>
    </message>
    <message>
        <source>Correcting the saved record of tube %1 (version %2): change what is wrong, then give the reason on the review page. Discard leaves it as it was.</source>
        <translation>Correcting the saved record of tube %1 (version %2): change what is wrong, then give the reason on the review page. Discard leaves it as it was.</translation>
    </message>
</context>
<context>
    <name>RecordKeys</name>
    <message>
        <source>the key of record %1 does not open: the store is damaged</source>
        <translation>the key of record %1 does not open: the store is damaged</translation>
    </message>
</context>
<context>
    <name>RecordPurge</name>
    <message>
        <source>%1: must be a whole number of days from %2 to %3 (how long a record stays on the workstation after the national server has it)</source>
        <translation>%1: must be a whole number of days from %2 to %3 (how long a record stays on the workstation after the national server has it)</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
</context>
<context>
    <name>RecordQueueModel</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Awaiting result</source>
        <translation>Awaiting result</translation>
    </message>
    <message>
        <source>Resulted</source>
        <translation>Resulted</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Purged</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <source>This record does not decrypt. It is kept aside; an administrator can check the store.</source>
        <translation>This record does not decrypt. It is kept aside; an administrator can check the store.</translation>
    </message>
    <message>
        <source>Sampled at</source>
        <translation>Sampled at</translation>
    </message>
    <message>
        <source>Tube label</source>
        <translation>Tube label</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positive</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negative</translation>
    </message>
    <message>
        <source>uninterpretable</source>
        <translation>uninterpretable</translation>
    </message>
    <message>
        <source>non-compliant sample</source>
        <translation>non-compliant sample</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
</context>
<context>
    <name>RecordSeal</name>
    <message>
        <source>no record %1</source>
        <translation>no record %1</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>a result is entered on its own, once the sample is saved</source>
        <translation>a result is entered on its own, once the sample is saved</translation>
    </message>
    <message>
        <source>this tube label is already used at this site</source>
        <translation>this tube label is already used at this site</translation>
    </message>
    <message>
        <source>not saved: the record breaks the rules listed</source>
        <translation>not saved: the record breaks the rules listed</translation>
    </message>
    <message>
        <source>not saved: confirm the warnings listed to save anyway</source>
        <translation>not saved: confirm the warnings listed to save anyway</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>not saved: %1</translation>
    </message>
    <message>
        <source>no record %1</source>
        <translation>no record %1</translation>
    </message>
    <message>
        <source>record %1 is damaged: its %2 data does not decrypt</source>
        <translation>record %1 is damaged: its %2 data does not decrypt</translation>
    </message>
    <message>
        <source>record %1 is damaged: its tube label does not match its index</source>
        <translation>record %1 is damaged: its tube label does not match its index</translation>
    </message>
    <message>
        <source>no record has this tube label</source>
        <translation>no record has this tube label</translation>
    </message>
    <message>
        <source>record %1 was purged: the national server has it and its identifying data was erased from this workstation after the retention window</source>
        <translation>record %1 was purged: the national server has it and its identifying data was erased from this workstation after the retention window</translation>
    </message>
    <message>
        <source>a correction of a saved record needs a reason</source>
        <translation>a correction of a saved record needs a reason</translation>
    </message>
    <message>
        <source>not saved: the correction breaks the rules listed</source>
        <translation>not saved: the correction breaks the rules listed</translation>
    </message>
    <message>
        <source>a result is corrected on its own, from the results screen</source>
        <translation>a result is corrected on its own, from the results screen</translation>
    </message>
    <message>
        <source>record %1 is damaged: its result does not decrypt</source>
        <translation>record %1 is damaged: its result does not decrypt</translation>
    </message>
    <message>
        <source>record %1 is damaged: its status or version was edited in the file</source>
        <translation>record %1 is damaged: its status or version was edited in the file</translation>
    </message>
</context>
<context>
    <name>RecordValidator</name>
    <message>
        <source>is required</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>is missing; confirm to save without it</source>
        <translation>is missing; confirm to save without it</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>must be one of: %1</translation>
    </message>
    <message>
        <source>lists a value twice</source>
        <translation>lists a value twice</translation>
    </message>
    <message>
        <source>must be %1 characters or fewer</source>
        <translation>must be %1 characters or fewer</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>is in the future</translation>
    </message>
    <message>
        <source>a birth name or a usual name is required</source>
        <translation>a birth name or a usual name is required</translation>
    </message>
    <message>
        <source>gives an age over %1 years</source>
        <translation>gives an age over %1 years</translation>
    </message>
    <message>
        <source>is given without an INS matricule</source>
        <translation>is given without an INS matricule</translation>
    </message>
    <message>
        <source>must have 3 lines or fewer</source>
        <translation>must have 3 lines or fewer</translation>
    </message>
    <message>
        <source>neither an e-mail address nor a mobile phone; confirm that the patient has neither</source>
        <translation>neither an e-mail address nor a mobile phone; confirm that the patient has neither</translation>
    </message>
    <message>
        <source>must be empty for an asymptomatic patient</source>
        <translation>must be empty for an asymptomatic patient</translation>
    </message>
    <message>
        <source>an RPPS or ADELI number is required for a known physician</source>
        <translation>an RPPS or ADELI number is required for a known physician</translation>
    </message>
    <message>
        <source>must be 4 to 40 printable ASCII characters</source>
        <translation>must be 4 to 40 printable ASCII characters</translation>
    </message>
    <message>
        <source>is more than %1 days ago; confirm the sampling time</source>
        <translation>is more than %1 days ago; confirm the sampling time</translation>
    </message>
    <message>
        <source>must be a SNOMED CT code of 6 to 18 digits</source>
        <translation>must be a SNOMED CT code of 6 to 18 digits</translation>
    </message>
    <message>
        <source>is before the sampling time</source>
        <translation>is before the sampling time</translation>
    </message>
    <message>
        <source>is not a PDF document</source>
        <translation>is not a PDF document</translation>
    </message>
    <message>
        <source>is larger than 10 MiB</source>
        <translation>is larger than 10 MiB</translation>
    </message>
    <message>
        <source>is only given for a positive result</source>
        <translation>is only given for a positive result</translation>
    </message>
    <message>
        <source>or choose a lower identity status</source>
        <translation>or choose a lower identity status</translation>
    </message>
    <message>
        <source>is required for a qualified identity (an identity is qualified only with its INS); enter the INS %1</source>
        <translation>is required for a qualified identity (an identity is qualified only with its INS); enter the INS %1</translation>
    </message>
    <message>
        <source>is required for a qualified identity (one of the five INS traits); enter the birth name %1</source>
        <translation>is required for a qualified identity (one of the five INS traits); enter the birth name %1</translation>
    </message>
    <message>
        <source>is required for a qualified identity (one of the five INS traits): enter the INSEE code of the birth commune, or 99 and the country&apos;s code when born abroad, %1</source>
        <translation>is required for a qualified identity (one of the five INS traits): enter the INSEE code of the birth commune, or 99 and the country&apos;s code when born abroad, %1</translation>
    </message>
</context>
<context>
    <name>ResultEntryWidget</name>
    <message>
        <source>&amp;Tube label</source>
        <translation>&amp;Tube label</translation>
    </message>
    <message>
        <source>Tube label to open</source>
        <translation>Tube label to open</translation>
    </message>
    <message>
        <source>Scan or type the tube label, then Enter</source>
        <translation>Scan or type the tube label, then Enter</translation>
    </message>
    <message>
        <source>The open record</source>
        <translation>The open record</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Res&amp;ult</source>
        <translation>Res&amp;ult</translation>
    </message>
    <message>
        <source>Non-conformity reason</source>
        <translation>Non-conformity reason</translation>
    </message>
    <message>
        <source>&amp;Validated at</source>
        <translation>&amp;Validated at</translation>
    </message>
    <message>
        <source>Validation date and time</source>
        <translation>Validation date and time</translation>
    </message>
    <message>
        <source>Lab re&amp;port (PDF)</source>
        <translation>Lab re&amp;port (PDF)</translation>
    </message>
    <message>
        <source>Attached report</source>
        <translation>Attached report</translation>
    </message>
    <message>
        <source>Attac&amp;h...</source>
        <translation>Attac&amp;h...</translation>
    </message>
    <message>
        <source>&amp;Enter the result</source>
        <translation>&amp;Enter the result</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the result...</source>
        <translation>Ca&amp;ncel the result...</translation>
    </message>
    <message>
        <source>Activation QR code</source>
        <translation>Activation QR code</translation>
    </message>
    <message>
        <source>Result history</source>
        <translation>Result history</translation>
    </message>
    <message>
        <source>Result message</source>
        <translation>Result message</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positive</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>Uninterpretable</source>
        <translation>Uninterpretable</translation>
    </message>
    <message>
        <source>Non-compliant</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <source>%1 rapid antigen test</source>
        <translation>%1 rapid antigen test</translation>
    </message>
    <message>
        <source>%1 RT-PCR</source>
        <translation>%1 RT-PCR</translation>
    </message>
    <message>
        <source>Scan a tube to open its record.</source>
        <translation>Scan a tube to open its record.</translation>
    </message>
    <message>
        <source>Tube %1, sampled %2. </source>
        <translation>Tube %1, sampled %2. </translation>
    </message>
    <message>
        <source>Result: %1 (version %2).</source>
        <translation>Result: %1 (version %2).</translation>
    </message>
    <message>
        <source>No activation code yet: it comes as soon as codes arrive.</source>
        <translation>No activation code yet: it comes as soon as codes arrive.</translation>
    </message>
    <message>
        <source>Two entries disagree: nothing is validated. Check the tube.</source>
        <translation>Two entries disagree: nothing is validated. Check the tube.</translation>
    </message>
    <message>
        <source>Awaiting result.</source>
        <translation>Awaiting result.</translation>
    </message>
    <message>
        <source>Version %1: %2, replaced by a %3 on %4: %5</source>
        <translation>Version %1: %2, replaced by a %3 on %4: %5</translation>
    </message>
    <message>
        <source>Result validated for tube %1.</source>
        <translation>Result validated for tube %1.</translation>
    </message>
    <message>
        <source>Positive entered. A second user must enter this tube&apos;s result too, without seeing yours, before it is validated.</source>
        <translation>Positive entered. A second user must enter this tube&apos;s result too, without seeing yours, before it is validated.</translation>
    </message>
    <message>
        <source>This entry disagrees with another user&apos;s: nothing is validated. Check the tube and enter it again.</source>
        <translation>This entry disagrees with another user&apos;s: nothing is validated. Check the tube and enter it again.</translation>
    </message>
    <message>
        <source>Choose the corrected result, then press Correct again.</source>
        <translation>Choose the corrected result, then press Correct again.</translation>
    </message>
    <message>
        <source>Correct the result</source>
        <translation>Correct the result</translation>
    </message>
    <message>
        <source>Why is the result corrected?</source>
        <translation>Why is the result corrected?</translation>
    </message>
    <message>
        <source>Result corrected; it will be sent again as a correction.</source>
        <translation>Result corrected; it will be sent again as a correction.</translation>
    </message>
    <message>
        <source>Cancel the result</source>
        <translation>Cancel the result</translation>
    </message>
    <message>
        <source>Why is the result cancelled?</source>
        <translation>Why is the result cancelled?</translation>
    </message>
    <message>
        <source>Result cancelled; the cancellation will be sent.</source>
        <translation>Result cancelled; the cancellation will be sent.</translation>
    </message>
    <message numerus="yes">
        <source>Activation code: %1 (hidden again in %n second(s))</source>
        <translation>
            <numerusform>Activation code: %1 (hidden again in %n second)</numerusform>
            <numerusform>Activation code: %1 (hidden again in %n seconds)</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the slip again</source>
        <translation>Print the slip again</translation>
    </message>
    <message>
        <source>This slip was already printed. Why print it again?</source>
        <translation>This slip was already printed. Why print it again?</translation>
    </message>
    <message>
        <source>Slip written to %1.</source>
        <translation>Slip written to %1.</translation>
    </message>
    <message>
        <source>Slip printed.</source>
        <translation>Slip printed.</translation>
    </message>
    <message>
        <source>Attach the lab report</source>
        <translation>Attach the lab report</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>The report must be a readable PDF of 10 MiB or less.</source>
        <translation>The report must be a readable PDF of 10 MiB or less.</translation>
    </message>
    <message>
        <source>Save the lab report</source>
        <translation>Save the lab report</translation>
    </message>
    <message>
        <source>The report cannot be saved there.</source>
        <translation>The report cannot be saved there.</translation>
    </message>
    <message>
        <source>Report saved.</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>cancellation</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>correction</translation>
    </message>
    <message>
        <source>Rac&amp;k mode: scan, key, scan, key</source>
        <translation>Rac&amp;k mode: scan, key, scan, key</translation>
    </message>
    <message>
        <source>Results keyed in this rack</source>
        <translation>Results keyed in this rack</translation>
    </message>
    <message>
        <source>Ne&amp;xt rack</source>
        <translation>Ne&amp;xt rack</translation>
    </message>
    <message>
        <source>Non-confor&amp;mity reason</source>
        <translation>Non-confor&amp;mity reason</translation>
    </message>
    <message>
        <source>Save the rep&amp;ort to a file...</source>
        <translation>Save the rep&amp;ort to a file...</translation>
    </message>
    <message>
        <source>Correct the resu&amp;lt...</source>
        <translation>Correct the resu&amp;lt...</translation>
    </message>
    <message>
        <source>Sho&amp;w the QR code</source>
        <translation>Sho&amp;w the QR code</translation>
    </message>
    <message>
        <source>Pr&amp;int the slip</source>
        <translation>Pr&amp;int the slip</translation>
    </message>
    <message numerus="yes">
        <source>This rack: %n tube(s) keyed</source>
        <translation>
            <numerusform>This rack: %n tube keyed</numerusform>
            <numerusform>This rack: %n tubes keyed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n positive</source>
        <translation>
            <numerusform>%n positive</numerusform>
            <numerusform>%n positive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n negative</source>
        <translation>
            <numerusform>%n negative</numerusform>
            <numerusform>%n negative</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other</source>
        <translation>
            <numerusform>%n other</numerusform>
            <numerusform>%n other</numerusform>
        </translation>
    </message>
    <message>
        <source>Check these counts against the rack before leaving it.</source>
        <translation>Check these counts against the rack before leaving it.</translation>
    </message>
    <message>
        <source>Tube %1: %2</source>
        <translation>Tube %1: %2</translation>
    </message>
    <message>
        <source>You entered this result: another user must enter it too.</source>
        <translation>You entered this result: another user must enter it too.</translation>
    </message>
    <message>
        <source>Second entry required: read the tube and enter the result.</source>
        <translation>Second entry required: read the tube and enter the result.</translation>
    </message>
    <message>
        <source>correction of the sampling record</source>
        <translation>correction of the sampling record</translation>
    </message>
    <message>
        <source>Positive result validated for tube %1.</source>
        <translation>Positive result validated for tube %1.</translation>
    </message>
    <message>
        <source>Two corrections disagree: the result is unchanged. Check the tube.</source>
        <translation>Two corrections disagree: the result is unchanged. Check the tube.</translation>
    </message>
    <message>
        <source>You entered a correction: another user must enter it too.</source>
        <translation>You entered a correction: another user must enter it too.</translation>
    </message>
    <message>
        <source>A correction waits for a second entry: read the tube and correct the result.</source>
        <translation>A correction waits for a second entry: read the tube and correct the result.</translation>
    </message>
    <message>
        <source>Correction to positive entered. A second user must enter the same correction too, without seeing yours, before the result changes.</source>
        <translation>Correction to positive entered. A second user must enter the same correction too, without seeing yours, before the result changes.</translation>
    </message>
    <message>
        <source>This correction disagrees with another user&apos;s: the result is unchanged. Check the tube and correct it again.</source>
        <translation>This correction disagrees with another user&apos;s: the result is unchanged. Check the tube and correct it again.</translation>
    </message>
</context>
<context>
    <name>ResultSlip</name>
    <message>
        <source>Positive</source>
        <translation>Positive</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>Inconclusive</translation>
    </message>
    <message>
        <source>Non-conforming sample</source>
        <translation>Non-conforming sample</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>COVID-19 test result</source>
        <translation>COVID-19 test result</translation>
    </message>
    <message>
        <source>Corrected result (version %1)</source>
        <translation>Corrected result (version %1)</translation>
    </message>
    <message>
        <source>SARS-CoV-2 rapid antigen test</source>
        <translation>SARS-CoV-2 rapid antigen test</translation>
    </message>
    <message>
        <source>RT-PCR SARS-CoV-2</source>
        <translation>RT-PCR SARS-CoV-2</translation>
    </message>
    <message>
        <source>Sampling site</source>
        <translation>Sampling site</translation>
    </message>
    <message>
        <source>Tube label</source>
        <translation>Tube label</translation>
    </message>
    <message>
        <source>Sampled on</source>
        <translation>Sampled on</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Validated on</source>
        <translation>Validated on</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason for non-conformity: %1</source>
        <translation>Reason for non-conformity: %1</translation>
    </message>
    <message>
        <source>Scan this QR code with the TousAntiCovid application to declare your positive test anonymously, or type the code below.</source>
        <translation>Scan this QR code with the TousAntiCovid application to declare your positive test anonymously, or type the code below.</translation>
    </message>
    <message>
        <source>Activation code: %1</source>
        <translation>Activation code: %1</translation>
    </message>
    <message>
        <source>Isolate yourself now. Tell the people you have been in close contact with to get tested. Keep applying the protective measures: wear a mask, wash your hands often, keep your distance, air rooms.</source>
        <translation>Isolate yourself now. Tell the people you have been in close contact with to get tested. Keep applying the protective measures: wear a mask, wash your hands often, keep your distance, air rooms.</translation>
    </message>
    <message>
        <source>A negative result does not protect you from a later infection. Keep applying the protective measures: wear a mask, wash your hands often, keep your distance, air rooms.</source>
        <translation>A negative result does not protect you from a later infection. Keep applying the protective measures: wear a mask, wash your hands often, keep your distance, air rooms.</translation>
    </message>
    <message>
        <source>This sample could not give a result: a new test is needed. Until then, keep applying the protective measures.</source>
        <translation>This sample could not give a result: a new test is needed. Until then, keep applying the protective measures.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: the PDF could not be started</source>
        <translation>cannot write %1: the PDF could not be started</translation>
    </message>
</context>
<context>
    <name>ResultStore</name>
    <message>
        <source>no record %1</source>
        <translation>no record %1</translation>
    </message>
    <message>
        <source>record %1 is damaged: its result does not decrypt</source>
        <translation>record %1 is damaged: its result does not decrypt</translation>
    </message>
    <message>
        <source>this record already has a validated result: enter a correction</source>
        <translation>this record already has a validated result: enter a correction</translation>
    </message>
    <message>
        <source>this record cannot take a result in its state (%1)</source>
        <translation>this record cannot take a result in its state (%1)</translation>
    </message>
    <message>
        <source>not saved: the result breaks the rules listed</source>
        <translation>not saved: the result breaks the rules listed</translation>
    </message>
    <message>
        <source>record %1 is damaged: a pending result entry does not decrypt</source>
        <translation>record %1 is damaged: a pending result entry does not decrypt</translation>
    </message>
    <message>
        <source>this result has no lab report</source>
        <translation>this result has no lab report</translation>
    </message>
    <message>
        <source>record %1 is damaged: its report does not decrypt</source>
        <translation>record %1 is damaged: its report does not decrypt</translation>
    </message>
    <message>
        <source>a correction or a cancellation needs a reason</source>
        <translation>a correction or a cancellation needs a reason</translation>
    </message>
    <message>
        <source>not saved: the correction breaks the rules listed</source>
        <translation>not saved: the correction breaks the rules listed</translation>
    </message>
    <message>
        <source>only a validated result can be corrected or cancelled</source>
        <translation>only a validated result can be corrected or cancelled</translation>
    </message>
    <message>
        <source>this result is already cancelled</source>
        <translation>this result is already cancelled</translation>
    </message>
    <message>
        <source>record %1 is damaged: its result history does not decrypt</source>
        <translation>record %1 is damaged: its result history does not decrypt</translation>
    </message>
    <message>
        <source>an activation QR code exists only for a validated positive result</source>
        <translation>an activation QR code exists only for a validated positive result</translation>
    </message>
    <message>
        <source>no activation code yet: import codes and it is given at once</source>
        <translation>no activation code yet: import codes and it is given at once</translation>
    </message>
    <message>
        <source>a result slip is printed only for a validated result</source>
        <translation>a result slip is printed only for a validated result</translation>
    </message>
    <message>
        <source>no activation code yet for this positive result: import codes first</source>
        <translation>no activation code yet for this positive result: import codes first</translation>
    </message>
    <message>
        <source>this slip was already printed: a reprint needs a reason</source>
        <translation>this slip was already printed: a reprint needs a reason</translation>
    </message>
    <message>
        <source>record %1 was purged: the national server has its result and its data was erased from this workstation after the retention window</source>
        <translation>record %1 was purged: the national server has its result and its data was erased from this workstation after the retention window</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>record %1 is damaged: its status or version was edited in the file</source>
        <translation>record %1 is damaged: its status or version was edited in the file</translation>
    </message>
</context>
<context>
    <name>SamplingRecord</name>
    <message>
        <source>unknown key</source>
        <translation>unknown key</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>must be a string</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>must be a list of strings</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>neither base64 of a PDF nor a readable file</source>
        <translation>neither base64 of a PDF nor a readable file</translation>
    </message>
    <message>
        <source>the report is larger than 10 MiB</source>
        <translation>the report is larger than 10 MiB</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>must be a UUID</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>unknown status</translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation>must be 1 or more</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up this workstation</source>
        <translation>Set up this workstation</translation>
    </message>
    <message>
        <source>The sampling site</source>
        <translation>The sampling site</translation>
    </message>
    <message>
        <source>The FINESS number of the laboratory that receives this site&apos;s samples.</source>
        <translation>The FINESS number of the laboratory that receives this site&apos;s samples.</translation>
    </message>
    <message>
        <source>Site &amp;FINESS</source>
        <translation>Site &amp;FINESS</translation>
    </message>
    <message>
        <source>Site FINESS</source>
        <translation>Site FINESS</translation>
    </message>
    <message>
        <source>9 characters, e.g. 750712184</source>
        <translation>9 characters, e.g. 750712184</translation>
    </message>
    <message>
        <source>Site &amp;name</source>
        <translation>Site &amp;name</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <source>The administrator creates the other accounts. Passwords have at least 12 characters.</source>
        <translation>The administrator creates the other accounts. Passwords have at least 12 characters.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>&amp;Same password again</source>
        <translation>&amp;Same password again</translation>
    </message>
    <message>
        <source>Administrator password again</source>
        <translation>Administrator password again</translation>
    </message>
    <message>
        <source>The recovery key</source>
        <translation>The recovery key</translation>
    </message>
    <message>
        <source>This key opens the store and resets passwords if every administrator password is lost. It is shown only now: write it down and keep it away from this computer.</source>
        <translation>This key opens the store and resets passwords if every administrator password is lost. It is shown only now: write it down and keep it away from this computer.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>I have written the recovery key down and put it away</source>
        <translation>I have written the recovery key down and put it away</translation>
    </message>
    <message>
        <source>Site FINESS: %1</source>
        <translation>Site FINESS: %1</translation>
    </message>
    <message>
        <source>User name: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>User name: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>This workstation</translation>
    </message>
    <message>
        <source>A standalone station keeps its records on this computer. The stations of a site that shares one database (PostgreSQL, set up by the site&apos;s administrator) see the same records, accounts and labels.</source>
        <translation>A standalone station keeps its records on this computer. The stations of a site that shares one database (PostgreSQL, set up by the site&apos;s administrator) see the same records, accounts and labels.</translation>
    </message>
    <message>
        <source>&amp;1 Standalone station (the records on this computer)</source>
        <translation>&amp;1 Standalone station (the records on this computer)</translation>
    </message>
    <message>
        <source>&amp;2 Join the site database</source>
        <translation>&amp;2 Join the site database</translation>
    </message>
    <message>
        <source>Site database address</source>
        <translation>Site database address</translation>
    </message>
    <message>
        <source>postgresql://user@host/database?sslmode=verify-full</source>
        <translation>postgresql://user@host/database?sslmode=verify-full</translation>
    </message>
    <message>
        <source>Site database: the address starts with postgresql:// (ask the site&apos;s administrator for it)</source>
        <translation>Site database: the address starts with postgresql:// (ask the site&apos;s administrator for it)</translation>
    </message>
    <message>
        <source>Site database: %1</source>
        <translation>Site database: %1</translation>
    </message>
</context>
<context>
    <name>SidepCtl</name>
    <message>
        <source>option --%1 needs a value</source>
        <translation>option --%1 needs a value</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unknown command &apos;%1&apos;</translation>
    </message>
    <message>
        <source>sidepctl: %1</source>
        <translation>sidepctl: %1</translation>
    </message>
    <message>
        <source>Try &apos;sidepctl --help&apos;.</source>
        <translation>Try &apos;sidepctl --help&apos;.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>Same password again: </source>
        <translation>Same password again: </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Recovery key: </source>
        <translation>Recovery key: </translation>
    </message>
    <message>
        <source>no recovery key on standard input</source>
        <translation>no recovery key on standard input</translation>
    </message>
    <message>
        <source>this command needs --user NAME</source>
        <translation>this command needs --user NAME</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Password for %1: </translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>no password on standard input</translation>
    </message>
    <message>
        <source>site FINESS: %1</source>
        <translation>site FINESS: %1</translation>
    </message>
    <message>
        <source>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>New password for %1: </translation>
    </message>
    <message>
        <source>Store created: %1</source>
        <translation>Store created: %1</translation>
    </message>
    <message>
        <source>Recovery key (shown once; keep it somewhere safe, away from this computer):</source>
        <translation>Recovery key (shown once; keep it somewhere safe, away from this computer):</translation>
    </message>
    <message>
        <source>user %1 needs a user name</source>
        <translation>user %1 needs a user name</translation>
    </message>
    <message>
        <source>no user named %1</source>
        <translation>no user named %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>User %1 disabled.</source>
        <translation>User %1 disabled.</translation>
    </message>
    <message>
        <source>user add needs --role nurse, lab or admin</source>
        <translation>user add needs --role nurse, lab or admin</translation>
    </message>
    <message>
        <source>no password for %1 on standard input</source>
        <translation>no password for %1 on standard input</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>User %1 created.</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>Password of %1 changed.</translation>
    </message>
    <message>
        <source>New recovery key (the previous one no longer works):</source>
        <translation>New recovery key (the previous one no longer works):</translation>
    </message>
    <message>
        <source>check needs one of %1 and a value</source>
        <translation>check needs one of %1 and a value</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>invalid: %1</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>file: %1</translation>
    </message>
    <message>
        <source>damaged: record %1 (%2 does not decrypt; kept aside)</source>
        <translation>damaged: record %1 (%2 does not decrypt; kept aside)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) checked</source>
        <translation>
            <numerusform>%n record checked</numerusform>
            <numerusform>%n records checked</numerusform>
        </translation>
    </message>
    <message>
        <source>store intact</source>
        <translation>store intact</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>%n damaged</numerusform>
            <numerusform>%n damaged</numerusform>
        </translation>
    </message>
    <message>
        <source>audit log intact</source>
        <translation>audit log intact</translation>
    </message>
    <message>
        <source>By status:</source>
        <translation>By status:</translation>
    </message>
    <message>
        <source>By sampling day:</source>
        <translation>By sampling day:</translation>
    </message>
    <message>
        <source>Damaged records kept aside: %1</source>
        <translation>Damaged records kept aside: %1</translation>
    </message>
    <message>
        <source>record add takes one file</source>
        <translation>record add takes one file</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>the input is not JSON: %1 at offset %2</source>
        <translation>the input is not JSON: %1 at offset %2</translation>
    </message>
    <message>
        <source>the input must be a JSON object or an array of objects</source>
        <translation>the input must be a JSON object or an array of objects</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>must be a JSON object</translation>
    </message>
    <message>
        <source>not saved: the record breaks the rules listed</source>
        <translation>not saved: the record breaks the rules listed</translation>
    </message>
    <message>
        <source>record %1: </source>
        <translation>record %1: </translation>
    </message>
    <message>
        <source>Only warnings: add --accept-warnings to save anyway.</source>
        <translation>Only warnings: add --accept-warnings to save anyway.</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation>unknown status &apos;%1&apos;</translation>
    </message>
    <message>
        <source>(damaged)</source>
        <translation>(damaged)</translation>
    </message>
    <message>
        <source>give a record id or --tube LABEL</source>
        <translation>give a record id or --tube LABEL</translation>
    </message>
    <message>
        <source>the only export format is json</source>
        <translation>the only export format is json</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a record id</source>
        <translation>&apos;%1&apos; is not a record id</translation>
    </message>
    <message>
        <source>scan needs one image file</source>
        <translation>scan needs one image file</translation>
    </message>
    <message>
        <source>cannot read the image %1: %2</source>
        <translation>cannot read the image %1: %2</translation>
    </message>
    <message>
        <source>no code found in %1</source>
        <translation>no code found in %1</translation>
    </message>
    <message>
        <source>%1: %2 [%3]</source>
        <translation>%1: %2 [%3]</translation>
    </message>
    <message>
        <source>this command needs --tube LABEL</source>
        <translation>this command needs --tube LABEL</translation>
    </message>
    <message>
        <source>result %1 needs --value P, N, I or X</source>
        <translation>result %1 needs --value P, N, I or X</translation>
    </message>
    <message>
        <source>result %1 needs --reason TEXT</source>
        <translation>result %1 needs --reason TEXT</translation>
    </message>
    <message>
        <source>Result cancelled; it will be sent again as entered in error.</source>
        <translation>Result cancelled; it will be sent again as entered in error.</translation>
    </message>
    <message>
        <source>Result corrected; it will be sent again as a correction.</source>
        <translation>Result corrected; it will be sent again as a correction.</translation>
    </message>
    <message>
        <source>Result validated.</source>
        <translation>Result validated.</translation>
    </message>
    <message>
        <source>First entry recorded: another user must enter this positive result to validate it.</source>
        <translation>First entry recorded: another user must enter this positive result to validate it.</translation>
    </message>
    <message>
        <source>this entry disagrees with another user&apos;s entry: nothing is validated until two users enter the same result</source>
        <translation>this entry disagrees with another user&apos;s entry: nothing is validated until two users enter the same result</translation>
    </message>
    <message>
        <source>No valid activation code is left: the record is flagged and gets its code as soon as codes are imported.</source>
        <translation>No valid activation code is left: the record is flagged and gets its code as soon as codes are imported.</translation>
    </message>
    <message>
        <source>codes status takes no file</source>
        <translation>codes status takes no file</translation>
    </message>
    <message>
        <source>--soon-days needs a number of days</source>
        <translation>--soon-days needs a number of days</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) imported.</source>
        <translation>
            <numerusform>%n code imported.</numerusform>
            <numerusform>%n codes imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting positive result(s) got a code.</source>
        <translation>
            <numerusform>%n waiting positive result got a code.</numerusform>
            <numerusform>%n waiting positive results got a code.</numerusform>
        </translation>
    </message>
    <message>
        <source>codes in the pool: %1</source>
        <translation>codes in the pool: %1</translation>
    </message>
    <message>
        <source>used: %1</source>
        <translation>used: %1</translation>
    </message>
    <message>
        <source>valid now: %1</source>
        <translation>valid now: %1</translation>
    </message>
    <message>
        <source>expiring within %1 days: %2</source>
        <translation>expiring within %1 days: %2</translation>
    </message>
    <message>
        <source>not yet valid: %1</source>
        <translation>not yet valid: %1</translation>
    </message>
    <message>
        <source>expired unused: %1</source>
        <translation>expired unused: %1</translation>
    </message>
    <message>
        <source>positive results waiting for a code: %1</source>
        <translation>positive results waiting for a code: %1</translation>
    </message>
    <message>
        <source>No valid activation code is left: import a new batch.</source>
        <translation>No valid activation code is left: import a new batch.</translation>
    </message>
    <message>
        <source>qr needs --tube LABEL and --png FILE</source>
        <translation>qr needs --tube LABEL and --png FILE</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>QR code written to %1</source>
        <translation>QR code written to %1</translation>
    </message>
    <message>
        <source>slip needs --tube LABEL and --pdf FILE</source>
        <translation>slip needs --tube LABEL and --pdf FILE</translation>
    </message>
    <message>
        <source>--language is fr or en</source>
        <translation>--language is fr or en</translation>
    </message>
    <message>
        <source>slip needs a GUI application to lay out text</source>
        <translation>slip needs a GUI application to lay out text</translation>
    </message>
    <message>
        <source>Slip reprinted to %1</source>
        <translation>Slip reprinted to %1</translation>
    </message>
    <message>
        <source>Slip printed to %1</source>
        <translation>Slip printed to %1</translation>
    </message>
    <message>
        <source>config show takes no argument</source>
        <translation>config show takes no argument</translation>
    </message>
    <message>
        <source>config import-ca needs one PEM file</source>
        <translation>config import-ca needs one PEM file</translation>
    </message>
    <message>
        <source>config import-cert needs CERT.pem KEY.pem, or a PKCS#12 file named .p12 or .pfx</source>
        <translation>config import-cert needs CERT.pem KEY.pem, or a PKCS#12 file named .p12 or .pfx</translation>
    </message>
    <message>
        <source>config import-cert needs CERT.pem KEY.pem, or FILE.p12</source>
        <translation>config import-cert needs CERT.pem KEY.pem, or FILE.p12</translation>
    </message>
    <message>
        <source>--key-passphrase-stdin is for a PEM key; the PKCS#12 password is always read from standard input</source>
        <translation>--key-passphrase-stdin is for a PEM key; the PKCS#12 password is always read from standard input</translation>
    </message>
    <message>
        <source>no file %1</source>
        <translation>no file %1</translation>
    </message>
    <message>
        <source>sync.url set to %1</source>
        <translation>sync.url set to %1</translation>
    </message>
    <message>
        <source>CA certificate(s) imported from %1</source>
        <translation>CA certificate(s) imported from %1</translation>
    </message>
    <message>
        <source>PKCS#12 password: </source>
        <translation>PKCS#12 password: </translation>
    </message>
    <message>
        <source>no PKCS#12 password on standard input</source>
        <translation>no PKCS#12 password on standard input</translation>
    </message>
    <message>
        <source>client certificate and key imported from %1</source>
        <translation>client certificate and key imported from %1</translation>
    </message>
    <message>
        <source>no key passphrase on standard input</source>
        <translation>no key passphrase on standard input</translation>
    </message>
    <message>
        <source>(with --key-passphrase-stdin)</source>
        <translation>(with --key-passphrase-stdin)</translation>
    </message>
    <message>
        <source>client certificate and key imported from %1 and %2</source>
        <translation>client certificate and key imported from %1 and %2</translation>
    </message>
    <message>
        <source>sidepctl: warning: %1</source>
        <translation>sidepctl: warning: %1</translation>
    </message>
    <message>
        <source>sync takes no word, or status</source>
        <translation>sync takes no word, or status</translation>
    </message>
    <message>
        <source>oldest waiting since: %1</source>
        <translation>oldest waiting since: %1</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>last error: %1</translation>
    </message>
    <message>
        <source>%1: %2 days</source>
        <translation>%1: %2 days</translation>
    </message>
    <message>
        <source>%1: %2 days (default)</source>
        <translation>%1: %2 days (default)</translation>
    </message>
    <message>
        <source>config set needs a setting and a value: config set sync.url https://HOST:PORT, or config set %1 DAYS</source>
        <translation>config set needs a setting and a value: config set sync.url https://HOST:PORT, or config set %1 DAYS</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos; (known: sync.url, %2)</source>
        <translation>unknown setting &apos;%1&apos; (known: sync.url, %2)</translation>
    </message>
    <message>
        <source>%1 set to %2 days</source>
        <translation>%1 set to %2 days</translation>
    </message>
    <message>
        <source>record purge takes no argument</source>
        <translation>record purge takes no argument</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) would be erased (acknowledged by the national server before %1; retention %2 days)</source>
        <translation>
            <numerusform>%n record would be erased (acknowledged by the national server before %1; retention %2 days)</numerusform>
            <numerusform>%n records would be erased (acknowledged by the national server before %1; retention %2 days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) would be erased</source>
        <translation>
            <numerusform>%n draft would be erased</numerusform>
            <numerusform>%n drafts would be erased</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) erased (acknowledged by the national server before %1; retention %2 days)</source>
        <translation>
            <numerusform>%n record erased (acknowledged by the national server before %1; retention %2 days)</numerusform>
            <numerusform>%n records erased (acknowledged by the national server before %1; retention %2 days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) erased</source>
        <translation>
            <numerusform>%n draft erased</numerusform>
            <numerusform>%n drafts erased</numerusform>
        </translation>
    </message>
    <message>
        <source>sidepctl: warning: another program is reading the store, so its journal still holds erased pages; the next purge empties it</source>
        <translation>sidepctl: warning: another program is reading the store, so its journal still holds erased pages; the next purge empties it</translation>
    </message>
    <message>
        <source>(purged)</source>
        <translation>(purged)</translation>
    </message>
    <message>
        <source>codes fetch takes no file</source>
        <translation>codes fetch takes no file</translation>
    </message>
    <message>
        <source>--count needs a number of codes from 1 to %1</source>
        <translation>--count needs a number of codes from 1 to %1</translation>
    </message>
    <message>
        <source>The pool holds %1 valid codes (target %2): nothing fetched.</source>
        <translation>The pool holds %1 valid codes (target %2): nothing fetched.</translation>
    </message>
    <message numerus="yes">
        <source>%n code(s) fetched and imported.</source>
        <translation>
            <numerusform>%n code fetched and imported.</numerusform>
            <numerusform>%n codes fetched and imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>activation codes fetched: %1</source>
        <translation>activation codes fetched: %1</translation>
    </message>
    <message>
        <source>activation codes: %1</source>
        <translation>activation codes: %1</translation>
    </message>
    <message>
        <source>warning: the server&apos;s clock is %1 s from this workstation&apos;s: set the clock</source>
        <translation>warning: the server&apos;s clock is %1 s from this workstation&apos;s: set the clock</translation>
    </message>
    <message numerus="yes">
        <source>erased the identifying data of %n record(s) acknowledged more than %1 day(s) ago</source>
        <translation>
            <numerusform>erased the identifying data of %n record acknowledged more than %1 day(s) ago</numerusform>
            <numerusform>erased the identifying data of %n records acknowledged more than %1 day(s) ago</numerusform>
        </translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>problem: %1</translation>
    </message>
    <message numerus="yes">
        <source>note: %n refused sign-in(s) on the account %1 since its last sign-in, the last at %2 (see &apos;audit list&apos;)</source>
        <translation>
            <numerusform>note: %n refused sign-in on the account %1 since its last sign-in, at %2 (see &apos;audit list&apos;)</numerusform>
            <numerusform>note: %n refused sign-ins on the account %1 since its last sign-in, the last at %2 (see &apos;audit list&apos;)</numerusform>
        </translation>
    </message>
    <message>
        <source>db backup needs the file to write</source>
        <translation>db backup needs the file to write</translation>
    </message>
    <message>
        <source>Backup written to %1. It opens with today&apos;s passwords and recovery key.</source>
        <translation>Backup written to %1. It opens with today&apos;s passwords and recovery key.</translation>
    </message>
    <message>
        <source>codes import needs one file: a national delivery (.tgz) or a CSV</source>
        <translation>codes import needs one file: a national delivery (.tgz) or a CSV</translation>
    </message>
    <message>
        <source>Correction recorded: another user must enter this corrected positive result to validate it.</source>
        <translation>Correction recorded: another user must enter this corrected positive result to validate it.</translation>
    </message>
    <message>
        <source>this correction disagrees with another user&apos;s correction: nothing is changed until two users enter the same result</source>
        <translation>this correction disagrees with another user&apos;s correction: nothing is changed until two users enter the same result</translation>
    </message>
    <message numerus="yes">
        <source>samples waiting for a result for more than %n day(s): %1</source>
        <translation>
            <numerusform>samples waiting for a result for more than %n day: %1</numerusform>
            <numerusform>samples waiting for a result for more than %n days: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n version(s))</source>
        <translation>
            <numerusform>%1: %2 (%n version)</numerusform>
            <numerusform>%1: %2 (%n versions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>used activation codes reported: %1</source>
        <translation>used activation codes reported: %1</translation>
    </message>
    <message>
        <source>damaged: record %1 version %2 (its send state was edited; not acted on)</source>
        <translation>damaged: record %1 version %2 (its send state was edited; not acted on)</translation>
    </message>
    <message>
        <source>%1: an import file holds at most %2 MiB; split it</source>
        <translation>%1: an import file holds at most %2 MiB; split it</translation>
    </message>
    <message>
        <source>damaged (state edited in the file; see db verify)</source>
        <translation>damaged (state edited in the file; see db verify)</translation>
    </message>
    <message>
        <source>throughput: %1/s, %2 bytes a version on the wire</source>
        <translation>throughput: %1/s, %2 bytes a version on the wire</translation>
    </message>
    <message>
        <source>missing: record %1 (created in the audit log, its row was deleted)</source>
        <translation>missing: record %1 (created in the audit log, its row was deleted)</translation>
    </message>
    <message>
        <source>records missing: %1</source>
        <translation>records missing: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message>
        <source>db restored takes nothing more</source>
        <translation>db restored takes nothing more</translation>
    </message>
    <message>
        <source>the store does not check out: run sidepctl db verify and audit verify, and restore another backup</source>
        <translation>the store does not check out: run sidepctl db verify and audit verify, and restore another backup</translation>
    </message>
    <message>
        <source>The store has a new identity for the national server; its records that the server acknowledged after the backup was made go again, and the server recognises them.</source>
        <translation>The store has a new identity for the national server; its records that the server acknowledged after the backup was made go again, and the server recognises them.</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <source>%1 does not take --%2</source>
        <translation>%1 does not take --%2</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>option --%1 takes no value</translation>
    </message>
    <message>
        <source>Try &apos;sidepctl %1 --help&apos;.</source>
        <translation>Try &apos;sidepctl %1 --help&apos;.</translation>
    </message>
    <message>
        <source>init takes no argument</source>
        <translation>init takes no argument</translation>
    </message>
    <message>
        <source>recovery rotate takes no argument</source>
        <translation>recovery rotate takes no argument</translation>
    </message>
    <message>
        <source>db verify takes no argument</source>
        <translation>db verify takes no argument</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the account to sign in with</source>
        <translation>the account to sign in with</translation>
    </message>
    <message>
        <source>the first line of standard input is the password</source>
        <translation>the first line of standard input is the password</translation>
    </message>
    <message>
        <source>sign in with the recovery key, read from standard input</source>
        <translation>sign in with the recovery key, read from standard input</translation>
    </message>
    <message>
        <source>this help, or a command&apos;s own (COMMAND --help)</source>
        <translation>this help, or a command&apos;s own (COMMAND --help)</translation>
    </message>
    <message>
        <source>the version and the commit it was built from</source>
        <translation>the version and the commit it was built from</translation>
    </message>
    <message>
        <source>create a store; the administrator&apos;s password is read from standard input; prints the recovery key once</source>
        <translation>create a store; the administrator&apos;s password is read from standard input; prints the recovery key once</translation>
    </message>
    <message>
        <source>add an account; its password is the next input line</source>
        <translation>add an account; its password is the next input line</translation>
    </message>
    <message>
        <source>the accounts, their role and state</source>
        <translation>the accounts, their role and state</translation>
    </message>
    <message>
        <source>disable an account</source>
        <translation>disable an account</translation>
    </message>
    <message>
        <source>set a password (one&apos;s own, or any account&apos;s as an administrator); the new password is the next input line</source>
        <translation>set a password (one&apos;s own, or any account&apos;s as an administrator); the new password is the next input line</translation>
    </message>
    <message>
        <source>replace the recovery key</source>
        <translation>replace the recovery key</translation>
    </message>
    <message>
        <source>add one record or an array of records (JSON), all or none; without FILE, from standard input</source>
        <translation>add one record or an array of records (JSON), all or none; without FILE, from standard input</translation>
    </message>
    <message>
        <source>the records: id, tube label, status, sampling time</source>
        <translation>the records: id, tube label, status, sampling time</translation>
    </message>
    <message>
        <source>a record as JSON, found by its id or its tube label</source>
        <translation>a record as JSON, found by its id or its tube label</translation>
    </message>
    <message>
        <source>export a record as JSON, noted in the audit log</source>
        <translation>export a record as JSON, noted in the audit log</translation>
    </message>
    <message>
        <source>erase the identifying data of records the national server acknowledged more than retention.days ago (any account; the GUI and sync do it after each round)</source>
        <translation>erase the identifying data of records the national server acknowledged more than retention.days ago (any account; the GUI and sync do it after each round)</translation>
    </message>
    <message>
        <source>check an identifier; prints it in its canonical form</source>
        <translation>check an identifier; prints it in its canonical form</translation>
    </message>
    <message>
        <source>open every record and check the store against its keyed hashes</source>
        <translation>open every record and check the store against its keyed hashes</translation>
    </message>
    <message>
        <source>a consistent copy of the store, made while it is in use; FILE must be new</source>
        <translation>a consistent copy of the store, made while it is in use; FILE must be new</translation>
    </message>
    <message>
        <source>after a backup was put back in place: a new identity for the national server, which refuses a store gone back in time</source>
        <translation>after a backup was put back in place: a new identity for the national server, which refuses a store gone back in time</translation>
    </message>
    <message>
        <source>check the chain of the audit log</source>
        <translation>check the chain of the audit log</translation>
    </message>
    <message>
        <source>the audit log, from entry SEQ</source>
        <translation>the audit log, from entry SEQ</translation>
    </message>
    <message>
        <source>counts by status and by sampling day; no identifying data</source>
        <translation>counts by status and by sampling day; no identifying data</translation>
    </message>
    <message>
        <source>read the codes in an image (tube label, INS DataMatrix) as JSON</source>
        <translation>read the codes in an image (tube label, INS DataMatrix) as JSON</translation>
    </message>
    <message>
        <source>enter a result; a positive needs a second entry by another user; the reason is the non-conformity of an X</source>
        <translation>enter a result; a positive needs a second entry by another user; the reason is the non-conformity of an X</translation>
    </message>
    <message>
        <source>correct a validated result; it is sent again as a correction</source>
        <translation>correct a validated result; it is sent again as a correction</translation>
    </message>
    <message>
        <source>cancel a result entered in error</source>
        <translation>cancel a result entered in error</translation>
    </message>
    <message>
        <source>add activation codes (all or none) from a national delivery (.tgz) or a CSV, checked against the .sha256 beside it (required for a .tgz)</source>
        <translation>add activation codes (all or none) from a national delivery (.tgz) or a CSV, checked against the .sha256 beside it (required for a .tgz)</translation>
    </message>
    <message>
        <source>codes left, valid now, expiring within N days</source>
        <translation>codes left, valid now, expiring within N days</translation>
    </message>
    <message>
        <source>activation codes from the national server (up to the refill target, or N)</source>
        <translation>activation codes from the national server (up to the refill target, or N)</translation>
    </message>
    <message>
        <source>a validated positive&apos;s QR code</source>
        <translation>a validated positive&apos;s QR code</translation>
    </message>
    <message>
        <source>the result slip; a reprint needs a reason</source>
        <translation>the result slip; a reprint needs a reason</translation>
    </message>
    <message>
        <source>sync.url https://HOST:PORT: the national server (https only); retention.days DAYS: days a record stays once the server has it (1 to 90, default 7)</source>
        <translation>sync.url https://HOST:PORT: the national server (https only); retention.days DAYS: days a record stays once the server has it (1 to 90, default 7)</translation>
    </message>
    <message>
        <source>the CA the server must chain to</source>
        <translation>the CA the server must chain to</translation>
    </message>
    <message>
        <source>the site&apos;s certificate and key (the passphrase or PKCS#12 password is the next input line); the key is kept encrypted in the store</source>
        <translation>the site&apos;s certificate and key (the passphrase or PKCS#12 password is the next input line); the key is kept encrypted in the store</translation>
    </message>
    <message>
        <source>the sync settings, without secrets</source>
        <translation>the sync settings, without secrets</translation>
    </message>
    <message>
        <source>send what waits to the national server (with --watch, until interrupted)</source>
        <translation>send what waits to the national server (with --watch, until interrupted)</translation>
    </message>
    <message>
        <source>waiting, acknowledged, rejected, errors</source>
        <translation>waiting, acknowledged, rejected, errors</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 invalid input, 2 usage error, 3 integrity problem found,
4 access denied (password, lock, role), 5 not found, 6 store error,
7 sync incomplete (records still waiting or rejected).
</source>
        <translation>Exit codes: 0 success, 1 invalid input, 2 usage error, 3 integrity problem found,
4 access denied (password, lock, role), 5 not found, 6 store error,
7 sync incomplete (records still waiting or rejected).
</translation>
    </message>
    <message>
        <source>Signs in with --user NAME (the password on standard input) or --recovery-key-stdin; any account.</source>
        <translation>Signs in with --user NAME (the password on standard input) or --recovery-key-stdin; any account.</translation>
    </message>
    <message>
        <source>Signs in with --user NAME (the password on standard input) or --recovery-key-stdin; accounts: %1.</source>
        <translation>Signs in with --user NAME (the password on standard input) or --recovery-key-stdin; accounts: %1.</translation>
    </message>
    <message>
        <source>Global options and exit codes: sidepctl --help</source>
        <translation>Global options and exit codes: sidepctl --help</translation>
    </message>
    <message>
        <source>--version takes no command</source>
        <translation>--version takes no command</translation>
    </message>
    <message>
        <source>%1 needs one of: %2</source>
        <translation>%1 needs one of: %2</translation>
    </message>
    <message>
        <source>result %1 takes no argument besides its options</source>
        <translation>result %1 takes no argument besides its options</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 needs %2</translation>
    </message>
    <message>
        <source>the store: a file, or a site database (postgresql://user@host/name); default: $SIDEP_DB, else a file in the application-data folder</source>
        <translation>the store: a file, or a site database (postgresql://user@host/name); default: $SIDEP_DB, else a file in the application-data folder</translation>
    </message>
    <message>
        <source>migrate takes no argument besides --to</source>
        <translation>migrate takes no argument besides --to</translation>
    </message>
    <message>
        <source>migrate needs --to postgresql://user@host/name (the site database)</source>
        <translation>migrate needs --to postgresql://user@host/name (the site database)</translation>
    </message>
    <message>
        <source>Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] COMMAND ...</source>
        <translation>Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] COMMAND ...</translation>
    </message>
    <message>
        <source>Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] %1</source>
        <translation>Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] %1</translation>
    </message>
    <message>
        <source>Password for %1 at the site database: </source>
        <translation>Password for %1 at the site database: </translation>
    </message>
    <message>
        <source>no password for the site database on standard input</source>
        <translation>no password for the site database on standard input</translation>
    </message>
    <message>
        <source>site database: %1</source>
        <translation>site database: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n activation code(s) had been given at both stations (the same delivery imported twice): the site&apos;s use is kept.</source>
        <translation>
            <numerusform>%n activation code(s) had been given at both stations (the same delivery imported twice): the site&apos;s use is kept.</numerusform>
            <numerusform>%n activation code(s) had been given at both stations (the same delivery imported twice): the site&apos;s use is kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of this station that the site does not have (an account&apos;s key opens with its password only): create them at the site with user add: %1</source>
        <translation>Accounts of this station that the site does not have (an account&apos;s key opens with its password only): create them at the site with user add: %1</translation>
    </message>
    <message>
        <source>this station&apos;s store was moved into the site database on %1: its records are there; use --db %2</source>
        <translation>this station&apos;s store was moved into the site database on %1: its records are there; use --db %2</translation>
    </message>
    <message>
        <source>Moved into the site database and checked row by row: %1 record(s), %2 audit entries. The stations now open it with --db %3 (or join it from the first-start wizard); the file %4 now only points there: keep it until the site database is checked (db verify, audit verify), then remove it.</source>
        <translation>Moved into the site database and checked row by row: %1 record(s), %2 audit entries. The stations now open it with --db %3 (or join it from the first-start wizard); the file %4 now only points there: keep it until the site database is checked (db verify, audit verify), then remove it.</translation>
    </message>
    <message>
        <source>warning: the file could not be marked as moved (%1): make sure no one saves into it any more</source>
        <translation>warning: the file could not be marked as moved (%1): make sure no one saves into it any more</translation>
    </message>
    <message>
        <source>Merged into the site database and checked: %1 record(s), %2 version(s) for the national server, %3 audit entries carried after the site&apos;s as one verified segment. The station now opens the site database with --db %4 (or joins it from the first-start wizard); the file %5 now only points there: keep it until the site database is checked (db verify, audit verify), then remove it.</source>
        <translation>Merged into the site database and checked: %1 record(s), %2 version(s) for the national server, %3 audit entries carried after the site&apos;s as one verified segment. The station now opens the site database with --db %4 (or joins it from the first-start wizard); the file %5 now only points there: keep it until the site database is checked (db verify, audit verify), then remove it.</translation>
    </message>
    <message>
        <source>move this station&apos;s store into the site database (postgresql://...), or merge it into the site&apos;s store there, checked; the file then points there</source>
        <translation>move this station&apos;s store into the site database (postgresql://...), or merge it into the site&apos;s store there, checked; the file then points there</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this station were written before records had keys of their own: they share one key at the site, and are erased for good together, when the last of them is purged.</source>
        <translation>
            <numerusform>%n record(s) of this station were written before records had keys of their own: they share one key at the site, and are erased for good together, when the last of them is purged.</numerusform>
            <numerusform>%n record(s) of this station were written before records had keys of their own: they share one key at the site, and are erased for good together, when the last of them is purged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInWidget</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <source>Site FINESS %1</source>
        <translation>Site FINESS %1</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>Enter the password of %1 to go on.</source>
        <translation>Enter the password of %1 to go on.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Sign &amp;in</translation>
    </message>
</context>
<context>
    <name>SiteDatabaseRetryWidget</name>
    <message>
        <source>The site database cannot be reached</source>
        <translation>The site database cannot be reached</translation>
    </message>
    <message>
        <source>Why the site database cannot be reached</source>
        <translation>Why the site database cannot be reached</translation>
    </message>
    <message>
        <source>Check the network cable or the Wi-Fi of this computer. The database may also be restarting: this station tries again by itself. If it still does not answer, call the site&apos;s IT and give them the message above.</source>
        <translation>Check the network cable or the Wi-Fi of this computer. The database may also be restarting: this station tries again by itself. If it still does not answer, call the site&apos;s IT and give them the message above.</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Trying to reach the site database...</source>
        <translation>Trying to reach the site database...</translation>
    </message>
    <message numerus="yes">
        <source>Last attempt at %1. Trying again in %n second(s).</source>
        <translation>
            <numerusform>Last attempt at %1. Trying again in %n second.</numerusform>
            <numerusform>Last attempt at %1. Trying again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the site database</source>
        <translation>Connecting to the site database</translation>
    </message>
</context>
<context>
    <name>SiteStatistics</name>
    <message>
        <source>the sealed count of results does not decrypt</source>
        <translation>the sealed count of results does not decrypt</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>site FINESS: %1</source>
        <translation>site FINESS: %1</translation>
    </message>
    <message>
        <source>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>a store already exists at %1</source>
        <translation>a store already exists at %1</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>cannot create the folder of %1</translation>
    </message>
    <message>
        <source>%1 is not an initialised store</source>
        <translation>%1 is not an initialised store</translation>
    </message>
    <message>
        <source>unknown user or wrong password</source>
        <translation>unknown user or wrong password</translation>
    </message>
    <message>
        <source>the account %1 is disabled</source>
        <translation>the account %1 is disabled</translation>
    </message>
    <message>
        <source>the account %1 is locked after too many wrong passwords; try again at %2</source>
        <translation>the account %1 is locked after too many wrong passwords; try again at %2</translation>
    </message>
    <message>
        <source>wrong password; the account %1 is now locked for %2 minutes</source>
        <translation>wrong password; the account %1 is now locked for %2 minutes</translation>
    </message>
    <message numerus="yes">
        <source>unknown user or wrong password (%n attempt(s) left before the account locks)</source>
        <translation>
            <numerusform>unknown user or wrong password (%n attempt left before the account locks)</numerusform>
            <numerusform>unknown user or wrong password (%n attempts left before the account locks)</numerusform>
        </translation>
    </message>
    <message>
        <source>this recovery key does not open the store</source>
        <translation>this recovery key does not open the store</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
    <message>
        <source>the role %1 of %2 does not allow this</source>
        <translation>the role %1 of %2 does not allow this</translation>
    </message>
    <message>
        <source>the user %1 already exists</source>
        <translation>the user %1 already exists</translation>
    </message>
    <message>
        <source>no user named %1</source>
        <translation>no user named %1</translation>
    </message>
    <message>
        <source>an administrator cannot disable their own account</source>
        <translation>an administrator cannot disable their own account</translation>
    </message>
    <message>
        <source>%1 is not a setting</source>
        <translation>%1 is not a setting</translation>
    </message>
    <message>
        <source>no active user named %1</source>
        <translation>no active user named %1</translation>
    </message>
    <message>
        <source>%1 is the last administrator: name another one first</source>
        <translation>%1 is the last administrator: name another one first</translation>
    </message>
    <message>
        <source>%1: must be a whole number from 1 to %2</source>
        <translation>%1: must be a whole number from 1 to %2</translation>
    </message>
    <message>
        <source>the site database %1 already holds a store</source>
        <translation>the site database %1 already holds a store</translation>
    </message>
</context>
<context>
    <name>StoreIdentity</name>
    <message>
        <source>the store&apos;s identity for the national server was taken away</source>
        <translation>the store&apos;s identity for the national server was taken away</translation>
    </message>
    <message>
        <source>the store&apos;s identity for the national server was edited</source>
        <translation>the store&apos;s identity for the national server was edited</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
    <message>
        <source>the store&apos;s identity for the national server is missing: the store file was changed outside the program (sidepctl db verify)</source>
        <translation>the store&apos;s identity for the national server is missing: the store file was changed outside the program (sidepctl db verify)</translation>
    </message>
    <message>
        <source>the store&apos;s identity for the national server does not check out: the store file was changed outside the program (sidepctl db verify)</source>
        <translation>the store&apos;s identity for the national server does not check out: the store file was changed outside the program (sidepctl db verify)</translation>
    </message>
    <message>
        <source>the audit log&apos;s head does not check out: the store file was changed outside the program (sidepctl audit verify)</source>
        <translation>the audit log&apos;s head does not check out: the store file was changed outside the program (sidepctl audit verify)</translation>
    </message>
</context>
<context>
    <name>StoreMerge</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>the store is already a site database</source>
        <translation>the store is already a site database</translation>
    </message>
    <message>
        <source>--to: a site database address, postgresql://user@host/name</source>
        <translation>--to: a site database address, postgresql://user@host/name</translation>
    </message>
    <message>
        <source>this station&apos;s store does not check out (run sidepctl db verify and audit verify on it): nothing was merged</source>
        <translation>this station&apos;s store does not check out (run sidepctl db verify and audit verify on it): nothing was merged</translation>
    </message>
    <message>
        <source>the site database already holds this station&apos;s records (it was moved or merged into it before): nothing was merged</source>
        <translation>the site database already holds this station&apos;s records (it was moved or merged into it before): nothing was merged</translation>
    </message>
    <message numerus="yes">
        <source>refused: %n tube label(s) of this station are already used at the site (%1); settle each of these tubes first: nothing was merged</source>
        <translation>
            <numerusform>refused: %n tube label(s) of this station are already used at the site (%1); settle each of these tubes first: nothing was merged</numerusform>
            <numerusform>refused: %n tube label(s) of this station are already used at the site (%1); settle each of these tubes first: nothing was merged</numerusform>
        </translation>
    </message>
    <message>
        <source>refused: %1 have a form in progress both here and at the site; finish or discard one of them first: nothing was merged</source>
        <translation>refused: %1 have a form in progress both here and at the site; finish or discard one of them first: nothing was merged</translation>
    </message>
    <message>
        <source>table %1: %2</source>
        <translation>table %1: %2</translation>
    </message>
    <message>
        <source>the key of record %1 does not open: nothing was merged</source>
        <translation>the key of record %1 does not open: nothing was merged</translation>
    </message>
    <message>
        <source>the send state of record %1 version %2 was altered: nothing was merged</source>
        <translation>the send state of record %1 version %2 was altered: nothing was merged</translation>
    </message>
    <message>
        <source>a positive waiting for a code does not open: nothing was merged</source>
        <translation>a positive waiting for a code does not open: nothing was merged</translation>
    </message>
    <message>
        <source>record %1 does not read back at the site as on this station: nothing was merged</source>
        <translation>record %1 does not read back at the site as on this station: nothing was merged</translation>
    </message>
    <message>
        <source>the site database does not check out after the merge: nothing was merged</source>
        <translation>the site database does not check out after the merge: nothing was merged</translation>
    </message>
</context>
<context>
    <name>StoreMigration</name>
    <message>
        <source>the store is already a site database</source>
        <translation>the store is already a site database</translation>
    </message>
    <message>
        <source>--to: a site database address, postgresql://user@host/name</source>
        <translation>--to: a site database address, postgresql://user@host/name</translation>
    </message>
    <message>
        <source>refused: the site database belongs to the site FINESS %1, this store to %2</source>
        <translation>refused: the site database belongs to the site FINESS %1, this store to %2</translation>
    </message>
    <message>
        <source>table %1: %2</source>
        <translation>table %1: %2</translation>
    </message>
    <message>
        <source>the copy of table %1 does not match the store: nothing was moved</source>
        <translation>the copy of table %1 does not match the store: nothing was moved</translation>
    </message>
    <message>
        <source>the site database already holds the site&apos;s store: this station&apos;s store is merged into it, not moved</source>
        <translation>the site database already holds the site&apos;s store: this station&apos;s store is merged into it, not moved</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>the server did not answer for this record</source>
        <translation>the server did not answer for this record</translation>
    </message>
    <message>
        <source>this store went back in time: the national server saw it further on, so an older copy of the store file was put back. Nothing is sent until an administrator checks it (sidepctl db verify and audit verify) and, for a backup put back on purpose, runs sidepctl db restored (server: %1)</source>
        <translation>this store went back in time: the national server saw it further on, so an older copy of the store file was put back. Nothing is sent until an administrator checks it (sidepctl db verify and audit verify) and, for a backup put back on purpose, runs sidepctl db restored (server: %1)</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>the server answered HTTP %1</translation>
    </message>
    <message>
        <source>another program is sending this store&apos;s records (sidepctl sync, another window, or another station of the site): this one tries again at its next round</source>
        <translation>another program is sending this store&apos;s records (sidepctl sync, another window, or another station of the site): this one tries again at its next round</translation>
    </message>
</context>
<context>
    <name>SyncPanelWidget</name>
    <message>
        <source>National server</source>
        <translation>National server</translation>
    </message>
    <message>
        <source>Records waiting</source>
        <translation>Records waiting</translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>Oldest waiting since</translation>
    </message>
    <message>
        <source>Last acknowledgement</source>
        <translation>Last acknowledgement</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Rejected by the server</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>Clocks</translation>
    </message>
    <message>
        <source>Server and workstation clocks</source>
        <translation>Server and workstation clocks</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>not configured (an administrator imports the site&apos;s certificate and the server&apos;s address)</source>
        <translation>not configured (an administrator imports the site&apos;s certificate and the server&apos;s address)</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>nothing waits</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>the server&apos;s clock could not be read</source>
        <translation>the server&apos;s clock could not be read</translation>
    </message>
    <message>
        <source>the server&apos;s clock is %1 s from this workstation&apos;s</source>
        <translation>the server&apos;s clock is %1 s from this workstation&apos;s</translation>
    </message>
    <message>
        <source>%1: set this workstation&apos;s clock (more than 5 minutes apart)</source>
        <translation>%1: set this workstation&apos;s clock (more than 5 minutes apart)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Connection to the national server</source>
        <translation>Connection to the national server</translation>
    </message>
    <message>
        <source>the server cannot be reached: what waits is kept, and goes by itself as soon as the server answers</source>
        <translation>the server cannot be reached: what waits is kept, and goes by itself as soon as the server answers</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>the server answers</source>
        <translation>the server answers</translation>
    </message>
    <message>
        <source>Send no&amp;w</source>
        <translation>Send no&amp;w</translation>
    </message>
    <message>
        <source>the National server tab (administrator)</source>
        <translation>the National server tab (administrator)</translation>
    </message>
    <message>
        <source>the national server&apos;s address</source>
        <translation>the national server&apos;s address</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n version(s) to send)</source>
        <translation>
            <numerusform>%1 (%n version to send)</numerusform>
            <numerusform>%1 (%n versions to send)</numerusform>
        </translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Sending speed and time left</source>
        <translation>Sending speed and time left</translation>
    </message>
    <message>
        <source>Samples without a result</source>
        <translation>Samples without a result</translation>
    </message>
    <message>
        <source>Samples waiting too long for a result</source>
        <translation>Samples waiting too long for a result</translation>
    </message>
    <message>
        <source>Tube</source>
        <translation>Tube</translation>
    </message>
    <message>
        <source>Sampled on</source>
        <translation>Sampled on</translation>
    </message>
    <message>
        <source>Days waiting</source>
        <translation>Days waiting</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n record(s) whose send state was edited in the file, not sent: ask the administrator to run sidepctl db verify</source>
        <translation>
            <numerusform>%1; %n record whose send state was edited in the file, not sent: ask the administrator to run sidepctl db verify</numerusform>
            <numerusform>%1; %n records whose send state was edited in the file, not sent: ask the administrator to run sidepctl db verify</numerusform>
        </translation>
    </message>
    <message>
        <source>the samples without a result could not be read: %1</source>
        <translation>the samples without a result could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>no sample has waited more than %n day(s) for its result</source>
        <translation>
            <numerusform>no sample has waited more than %n day for its result</numerusform>
            <numerusform>no sample has waited more than %n days for its result</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) without a result more than %1 days after sampling: ask the lab</source>
        <translation>
            <numerusform>%n sample without a result more than %1 days after sampling: ask the lab</numerusform>
            <numerusform>%n samples without a result more than %1 days after sampling: ask the lab</numerusform>
        </translation>
    </message>
    <message>
        <source>(unreadable label)</source>
        <translation>(unreadable label)</translation>
    </message>
    <message>
        <source>not measured yet (after the first batch sent)</source>
        <translation>not measured yet (after the first batch sent)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>nothing left to send</source>
        <translation>nothing left to send</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
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
        <translation>the private key is encrypted: give its passphrase</translation>
    </message>
    <message>
        <source>the private key does not open with this passphrase</source>
        <translation>the private key does not open with this passphrase</translation>
    </message>
    <message>
        <source>the private key is not a PEM private key</source>
        <translation>the private key is not a PEM private key</translation>
    </message>
    <message>
        <source>the private key is neither RSA, EC nor DSA</source>
        <translation>the private key is neither RSA, EC nor DSA</translation>
    </message>
    <message>
        <source>the TLS library does not accept the private key</source>
        <translation>the TLS library does not accept the private key</translation>
    </message>
    <message>
        <source>the %1 %2 expired on %3</source>
        <translation>the %1 %2 expired on %3</translation>
    </message>
    <message>
        <source>the %1 %2 is not valid before %3</source>
        <translation>the %1 %2 is not valid before %3</translation>
    </message>
    <message>
        <source>the %1 %2 expires on %3: renew it soon</source>
        <translation>the %1 %2 expires on %3: renew it soon</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>the server URL %1 is not a valid URL with a host</source>
        <translation>the server URL %1 is not a valid URL with a host</translation>
    </message>
    <message>
        <source>the server URL must start with https:// (not %1://)</source>
        <translation>the server URL must start with https:// (not %1://)</translation>
    </message>
    <message>
        <source>the server URL must not hold a user name or password: the site authenticates with its certificate</source>
        <translation>the server URL must not hold a user name or password: the site authenticates with its certificate</translation>
    </message>
    <message>
        <source>the CA file holds a private key: give the CA certificate alone</source>
        <translation>the CA file holds a private key: give the CA certificate alone</translation>
    </message>
    <message>
        <source>the CA file holds no PEM certificate</source>
        <translation>the CA file holds no PEM certificate</translation>
    </message>
    <message>
        <source>%1 is not a CA certificate (no basicConstraints CA:TRUE)</source>
        <translation>%1 is not a CA certificate (no basicConstraints CA:TRUE)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>the certificate file holds no PEM certificate</source>
        <translation>the certificate file holds no PEM certificate</translation>
    </message>
    <message>
        <source>the private key cannot be converted for storage</source>
        <translation>the private key cannot be converted for storage</translation>
    </message>
    <message>
        <source>cannot read the PKCS#12 file %1: wrong password, or not a PKCS#12 file with a certificate and its key</source>
        <translation>cannot read the PKCS#12 file %1: wrong password, or not a PKCS#12 file with a certificate and its key</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>client certificate</translation>
    </message>
    <message>
        <source>the private key does not belong to the certificate %1</source>
        <translation>the private key does not belong to the certificate %1</translation>
    </message>
    <message>
        <source>the certificate %1 is not for client authentication (its extended key usage lacks clientAuth)</source>
        <translation>the certificate %1 is not for client authentication (its extended key usage lacks clientAuth)</translation>
    </message>
    <message>
        <source>the certificate %1 is a CA certificate, not a site&apos;s certificate</source>
        <translation>the certificate %1 is a CA certificate, not a site&apos;s certificate</translation>
    </message>
    <message>
        <source>the certificate names %1, but this site&apos;s FINESS is %2</source>
        <translation>the certificate names %1, but this site&apos;s FINESS is %2</translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation>sign in first</translation>
    </message>
    <message>
        <source>no sync server: set one with &apos;sidepctl config set sync.url https://...&apos;</source>
        <translation>no sync server: set one with &apos;sidepctl config set sync.url https://...&apos;</translation>
    </message>
    <message>
        <source>no CA for the sync server: import one with &apos;sidepctl config import-ca&apos;</source>
        <translation>no CA for the sync server: import one with &apos;sidepctl config import-ca&apos;</translation>
    </message>
    <message>
        <source>no client certificate: import one with &apos;sidepctl config import-cert&apos;</source>
        <translation>no client certificate: import one with &apos;sidepctl config import-cert&apos;</translation>
    </message>
    <message>
        <source>the stored private key does not decrypt: import the certificate again</source>
        <translation>the stored private key does not decrypt: import the certificate again</translation>
    </message>
    <message>
        <source>%1 (issued by %2), expires %3, SHA-256 %4</source>
        <translation>%1 (issued by %2), expires %3, SHA-256 %4</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>Server URL: %1</source>
        <translation>Server URL: %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>CA certificate: not set</source>
        <translation>CA certificate: not set</translation>
    </message>
    <message>
        <source>CA certificate: %1</source>
        <translation>CA certificate: %1</translation>
    </message>
    <message>
        <source>Client certificate: %1</source>
        <translation>Client certificate: %1</translation>
    </message>
    <message>
        <source>Private key: %1</source>
        <translation>Private key: %1</translation>
    </message>
    <message>
        <source>stored, encrypted in the store</source>
        <translation>stored, encrypted in the store</translation>
    </message>
    <message>
        <source>%1 is larger than a certificate or key file can be (1 MiB)</source>
        <translation>%1 is larger than a certificate or key file can be (1 MiB)</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <source>What is configured</source>
        <translation>What is configured</translation>
    </message>
    <message>
        <source>Sync settings in force</source>
        <translation>Sync settings in force</translation>
    </message>
    <message>
        <source>https://host:port</source>
        <translation>https://host:port</translation>
    </message>
    <message>
        <source>National server address</source>
        <translation>National server address</translation>
    </message>
    <message>
        <source>Sa&amp;ve the address</source>
        <translation>Sa&amp;ve the address</translation>
    </message>
    <message>
        <source>&amp;Keep identifying data after acknowledgement (days)</source>
        <translation>&amp;Keep identifying data after acknowledgement (days)</translation>
    </message>
    <message>
        <source>Days identifying data is kept after the server acknowledged a record</source>
        <translation>Days identifying data is kept after the server acknowledged a record</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>&amp;Test the connection</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Result of the last action</translation>
    </message>
    <message>
        <source>Sync cannot start until all of these are set.</source>
        <translation>Sync cannot start until all of these are set.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Server address saved.</source>
        <translation>Server address saved.</translation>
    </message>
    <message numerus="yes">
        <source>Identifying data will be erased %n day(s) after the server acknowledges a record.</source>
        <translation>
            <numerusform>Identifying data will be erased %n day after the server acknowledges a record.</numerusform>
            <numerusform>Identifying data will be erased %n days after the server acknowledges a record.</numerusform>
        </translation>
    </message>
    <message>
        <source>The national server&apos;s CA certificate</source>
        <translation>The national server&apos;s CA certificate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>CA certificate imported: the server must now chain to it.</source>
        <translation>CA certificate imported: the server must now chain to it.</translation>
    </message>
    <message>
        <source>The site&apos;s certificate</source>
        <translation>The site&apos;s certificate</translation>
    </message>
    <message>
        <source>PKCS#12 or PEM (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>PKCS#12 or PEM (*.p12 *.pfx *.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>PKCS#12 password</source>
        <translation>PKCS#12 password</translation>
    </message>
    <message>
        <source>Password of the PKCS#12 file (empty if none):</source>
        <translation>Password of the PKCS#12 file (empty if none):</translation>
    </message>
    <message>
        <source>The site&apos;s private key</source>
        <translation>The site&apos;s private key</translation>
    </message>
    <message>
        <source>PEM private keys (*.key *.pem);;All files (*)</source>
        <translation>PEM private keys (*.key *.pem);;All files (*)</translation>
    </message>
    <message>
        <source>Private key passphrase</source>
        <translation>Private key passphrase</translation>
    </message>
    <message>
        <source>Passphrase of the private key (empty if none):</source>
        <translation>Passphrase of the private key (empty if none):</translation>
    </message>
    <message>
        <source>Site certificate and private key imported; the key is kept encrypted in the store. The original files can be put away.</source>
        <translation>Site certificate and private key imported; the key is kept encrypted in the store. The original files can be put away.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connecting to %1...</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>The connection failed: %1</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1); try again later.</source>
        <translation>The server answered with an error (HTTP %1); try again later.</translation>
    </message>
    <message>
        <source>The server answered: the address and the certificates work.</source>
        <translation>The server answered: the address and the certificates work.</translation>
    </message>
    <message>
        <source>Server add&amp;ress</source>
        <translation>Server add&amp;ress</translation>
    </message>
    <message>
        <source>Save t&amp;he retention</source>
        <translation>Save t&amp;he retention</translation>
    </message>
    <message>
        <source>&amp;Import the server&apos;s CA certificate...</source>
        <translation>&amp;Import the server&apos;s CA certificate...</translation>
    </message>
    <message>
        <source>Import the site&apos;s certificate and ke&amp;y...</source>
        <translation>Import the site&apos;s certificate and ke&amp;y...</translation>
    </message>
</context>
<context>
    <name>TarArchive</name>
    <message>
        <source>the tar archive ends without its end-of-archive blocks: it was cut short</source>
        <translation>the tar archive ends without its end-of-archive blocks: it was cut short</translation>
    </message>
    <message>
        <source>the tar archive has data after its end-of-archive block</source>
        <translation>the tar archive has data after its end-of-archive block</translation>
    </message>
    <message>
        <source>the tar archive holds more than %1 members: not a delivery</source>
        <translation>the tar archive holds more than %1 members: not a delivery</translation>
    </message>
    <message>
        <source>header %1 of the tar archive has a wrong checksum: the archive is damaged or not a tar archive</source>
        <translation>header %1 of the tar archive has a wrong checksum: the archive is damaged or not a tar archive</translation>
    </message>
    <message>
        <source>not a ustar archive (header %1)</source>
        <translation>not a ustar archive (header %1)</translation>
    </message>
    <message>
        <source>the member %1 has no valid size</source>
        <translation>the member %1 has no valid size</translation>
    </message>
    <message>
        <source>the member %1 says it holds %2 bytes; the archive has only %3 left</source>
        <translation>the member %1 says it holds %2 bytes; the archive has only %3 left</translation>
    </message>
    <message>
        <source>a pax extended header of %1 bytes: too large</source>
        <translation>a pax extended header of %1 bytes: too large</translation>
    </message>
    <message>
        <source>a pax extended header is malformed</source>
        <translation>a pax extended header is malformed</translation>
    </message>
    <message>
        <source>a pax extended header sets %1, which a delivery never needs</source>
        <translation>a pax extended header sets %1, which a delivery never needs</translation>
    </message>
    <message>
        <source>the archive uses GNU long names: a delivery&apos;s names are short</source>
        <translation>the archive uses GNU long names: a delivery&apos;s names are short</translation>
    </message>
    <message>
        <source>the member %1 is a hard link to %2: only plain files are accepted</source>
        <translation>the member %1 is a hard link to %2: only plain files are accepted</translation>
    </message>
    <message>
        <source>the member %1 is a symbolic link to %2: only plain files are accepted</source>
        <translation>the member %1 is a symbolic link to %2: only plain files are accepted</translation>
    </message>
    <message>
        <source>the member %1 is not a plain file (type %2): only plain files are accepted</source>
        <translation>the member %1 is not a plain file (type %2): only plain files are accepted</translation>
    </message>
    <message>
        <source>the member %1 has an absolute path</source>
        <translation>the member %1 has an absolute path</translation>
    </message>
    <message>
        <source>the member %1 has a &quot;..&quot; in its path</source>
        <translation>the member %1 has a &quot;..&quot; in its path</translation>
    </message>
    <message>
        <source>the member %1 has a name that is not plain ASCII</source>
        <translation>the member %1 has a name that is not plain ASCII</translation>
    </message>
    <message>
        <source>the directory %1 carries %2 bytes of data</source>
        <translation>the directory %1 carries %2 bytes of data</translation>
    </message>
    <message>
        <source>a file member has no name</source>
        <translation>a file member has no name</translation>
    </message>
</context>
<context>
    <name>TubeLabelPrinter</name>
    <message>
        <source>the printer cannot be used</source>
        <translation>the printer cannot be used</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>nurse</source>
        <translation>nurse</translation>
    </message>
    <message>
        <source>laboratory</source>
        <translation>laboratory</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
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
            <numerusform>the server did not answer for %n activation code: reported again later</numerusform>
            <numerusform>the server did not answer for %n activation codes: reported again later</numerusform>
        </translation>
    </message>
    <message>
        <source>used activation codes not reported: %1</source>
        <translation>used activation codes not reported: %1</translation>
    </message>
    <message numerus="yes">
        <source>the national server refused %n used activation code(s) as another site&apos;s: tell its operators</source>
        <translation>
            <numerusform>the national server refused %n used activation code as another site&apos;s: tell its operators</numerusform>
            <numerusform>the national server refused %n used activation codes as another site&apos;s: tell its operators</numerusform>
        </translation>
    </message>
</context>
</TS>
