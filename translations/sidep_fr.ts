<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AuditLog</name>
    <message>
        <source>the audit log cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was altered or does not follow entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 records that the log had been cut or edited before it (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit log&apos;s head record is missing or was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit log should end at entry %1 but ends at entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last audit entry was replaced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>The scrypt cost n must be a power of two from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scrypt block size r must be from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scrypt parallelism p must be from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scrypt parameters need %1 MiB of memory, more than the %2 MiB allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key derivation parameters lack the field &quot;%1&quot; or it has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key derivation algorithm &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key derivation salt is not valid base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key derivation salt has %1 bytes; at least %2 are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key derivation salt is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key derivation failed, probably for lack of memory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>unknown database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no store at %1 (create one with &apos;sidepctl init&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store has schema version %1, newer than this program&apos;s %2: update the program</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <source>%1 must have %2 characters, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may contain only digits, and 2A or 2B for Corsica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may contain only digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong %1 key: %2 expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first NIR digit (sex) must be 1, 2, 3, 4, 7 or 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the NIR birth month must be 01 to 12, 20, 31 to 42 or 50 to 99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the NIR department must be 01 to 95, 2A, 2B, 97, 98 or 99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the NIR order number must be 001 to 999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first NIR digit does not agree with the sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the birth year in the NIR does not agree with the birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the birth month in the NIR does not agree with the birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not the OID of an INS authority (NIR, NIA, test or demonstration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the COG department must be 01 to 95, 2A, 2B, 97, 98 or 99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the COG commune or country number cannot be zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a LOINC code is 1 to 5 digits, a dash and a check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a phone number is digits starting with 0, or with + or 00 and a country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a French phone number has 10 digits, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an international phone number has 8 to 15 digits, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a French phone number has 9 digits after +33, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mobile phone number is expected (06, 07 or an overseas mobile number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an e-mail address has at most 254 characters, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an e-mail address needs an @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part before @ has at most 64 characters, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part before @ is empty, contains a character that is not allowed or a misplaced dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain after @ must be names of letters, digits and hyphens separated by dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a French postal code has 5 digits and starts with a department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a postal code has 2 to 10 letters or digits, with spaces or hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a country is written as its two-letter ISO 3166 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an ISO 3166 country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date is written YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this date does not exist in the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date and time is written YYYY-MM-DDThh:mm:ss followed by Z or +hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date and time needs its offset from UTC (Z or +hh:mm): a local time is ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this date or time does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an offset from UTC is between -12:00 and +14:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name has 1 to 100 characters, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name may contain only letters, spaces, hyphens and apostrophes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name must contain at least one letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>a result is entered on its own, once the sample is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this tube label is already used at this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved: the record breaks the rules listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved: confirm the warnings listed to save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 is damaged: its %2 data does not decrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 is damaged: its tube label does not match its index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no record has this tube label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordValidator</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing; confirm to save without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists a value twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 characters or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a birth name or a usual name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives an age over %1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is given without an INS matricule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have 3 lines or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither an e-mail address nor a mobile phone; confirm that the patient has neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be empty for an asymptomatic patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an RPPS or ADELI number is required for a known physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 4 to 40 printable ASCII characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than %1 days ago; confirm the sampling time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a SNOMED CT code of 6 to 18 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is before the sampling time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is larger than 10 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is only given for a positive result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplingRecord</name>
    <message>
        <source>unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither base64 of a PDF nor a readable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the report is larger than 10 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidepCtl</name>
    <message>
        <source>option --%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: sidepctl [--db FILE] [--user NAME] [--password-stdin] COMMAND ...

Commands:
  init --site-finess FINESS --admin NAME   create a store; the administrator&apos;s
                                           password is read from standard input;
                                           prints the recovery key once
  user add NAME --role nurse|lab|admin     the new password is the next input line
  user list | user disable NAME | user passwd NAME
  recovery rotate                          replace the recovery key
  record add [FILE|-] [--accept-warnings] [--identity-override REASON]
  record list [--status STATUS]
  record show ID | record show --tube LABEL
  record export ID --format json
  check nir|rpps|adeli|finess|cog|loinc|phone|email VALUE
  db verify | audit verify | audit list
  stats

Options:
  --db FILE             the store (default: $SIDEP_DB, else the application-data folder)
  --user NAME           the account to sign in with
  --password-stdin      the first line of standard input is the password
  --recovery-key-stdin  sign in with the recovery key, read from standard input

Exit codes: 0 success, 1 invalid input, 2 usage error, 3 integrity problem found,
4 access denied (password, lock, role), 5 not found, 6 store error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sidepctl: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;sidepctl --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same password again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recovery key on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this command needs --user NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init needs --site-finess FINESS and --admin NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site FINESS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key (shown once; keep it somewhere safe, away from this computer):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user needs add, list, disable or passwd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 needs a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user add needs --role nurse, lab or admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password for %1 on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovery needs rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery key (the previous one no longer works):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check needs one of %1 and a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db needs verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged: record %1 (%2 does not decrypt; kept aside)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) checked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>store intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>audit needs verify or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit log intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By sampling day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged records kept aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record needs add, list, show or export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record add takes one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the input is not JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the input must be a JSON object or an array of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved: the record breaks the rules listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only warnings: add --accept-warnings to save anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a record id or --tube LABEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the only export format is json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>password: must have at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site FINESS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name: use 1 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a store already exists at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an initialised store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown user or wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account %1 is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account %1 is locked after too many wrong passwords; try again at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong password; the account %1 is now locked for %2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>unknown user or wrong password (%n attempt(s) left before the account locks)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>this recovery key does not open the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the role %1 of %2 does not allow this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an administrator cannot disable their own account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
