#pragma once

#include <QCoreApplication>
#include <QString>

class SecureBytes;

// Whether a new password is hard enough to guess: Debian's libpwquality (the cracklib
// dictionary, the user's name in any form, sequences, repeats, palindromes), with the
// project's settings rather than the machine's /etc/security/pwquality.conf so that every
// station judges alike; and one dictionary word dressed with digits, symbols or repeats
// ("password1234", "Soleil2020soleil"), which guessers try first, is refused too. The reason names
// the rule in the user's language and never repeats the password.
class PasswordQuality
{
    Q_DECLARE_TR_FUNCTIONS(PasswordQuality)

public:
    static constexpr int MinLength = 12; // characters

    // True when `password` may protect the account `userName`; else false with `reason`.
    // `dictionaryPath` is cracklib's dictionary (its files without .pwd/.pwi/.hwm); empty
    // means the system's (Debian: /var/cache/cracklib/cracklib_dict, from cracklib-runtime).
    [[nodiscard]] static bool check(const SecureBytes& password, const QString& userName,
                                    QString* reason, const QString& dictionaryPath = {});
};
