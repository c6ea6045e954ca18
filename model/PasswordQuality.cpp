#include "PasswordQuality.h"

#include "SecureBytes.h"

#include <cstring>
#include <libintl.h>
#include <memory>
#include <pwquality.h>

namespace {

struct SettingsDeleter
{
    void operator()(pwquality_settings_t* settings) const { pwquality_free_settings(settings); }
};
using Settings = std::unique_ptr<pwquality_settings_t, SettingsDeleter>;

Settings projectSettings(const QString& dictionaryPath)
{
    Settings settings(pwquality_default_settings());
    if (!settings)
        return settings;
    if (!dictionaryPath.isEmpty()) {
        pwquality_set_str_value(settings.get(), PWQ_SETTING_DICT_PATH,
                                dictionaryPath.toLocal8Bit().constData());
    }
    // libpwquality's own length rule stays below the project's (checked first, in characters
    // rather than bytes); its score, which only grows with length and classes, is not used.
    pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH, 8);
    pwquality_set_int_value(settings.get(), PWQ_SETTING_MAX_REPEAT, 4);
    pwquality_set_int_value(settings.get(), PWQ_SETTING_MAX_SEQUENCE, 5);
    pwquality_set_int_value(settings.get(), PWQ_SETTING_DICT_CHECK, 1);
    pwquality_set_int_value(settings.get(), PWQ_SETTING_USER_CHECK, 1);
    return settings;
}

int characterCount(const SecureBytes& utf8)
{
    // UTF-8 continuation bytes are 10xxxxxx.
    int characters = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((utf8.data()[i] & 0xc0) != 0x80)
            ++characters;
    }
    return characters;
}

QString ruleBroken(int code)
{
    switch (code) {
    case PWQ_ERROR_USER_CHECK:
        return PasswordQuality::tr("must not contain the user name");
    case PWQ_ERROR_CRACKLIB_CHECK:
        return PasswordQuality::tr("is, or is built on, a dictionary word");
    case PWQ_ERROR_PALINDROME:
        return PasswordQuality::tr("must not read the same backwards");
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
        return PasswordQuality::tr("repeats the same character too often");
    case PWQ_ERROR_MAX_SEQUENCE:
        return PasswordQuality::tr("must not contain a sequence such as 123456 or abcdef");
    case PWQ_ERROR_MIN_LENGTH:
        return PasswordQuality::tr("must have at least %1 characters")
            .arg(PasswordQuality::MinLength);
    case PWQ_ERROR_EMPTY_PASSWORD:
        return PasswordQuality::tr("is empty");
    default:
        return PasswordQuality::tr("is too easy to guess");
    }
}

// libpwquality refuses a shorter minimum length.
constexpr int MinWordLength = 6;

// The one word a password is built on, lower-cased and without its repeats ("Soleil2020soleil"
// and "passwordpassword!" give "soleil" and "password"), or nothing when its letters make
// several different words (a passphrase).
QByteArray soleWord(const SecureBytes& password)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(password.data()),
                                           qsizetype(password.size()));
    QString word;
    QString run;
    const auto endRun = [&word, &run] {
        if (run.isEmpty())
            return true;
        const QString lower = run.toLower();
        run.clear();
        if (!word.isEmpty() && word != lower)
            return false;
        word = lower;
        return true;
    };
    for (const QChar c : text) {
        if (c.isLetter()) {
            run.append(c);
        } else if (!endRun()) {
            return {};
        }
    }
    if (!endRun())
        return {};
    // "passwordpassword": the shortest piece the word repeats.
    for (qsizetype period = 1; period < word.size(); ++period) {
        if (word.size() % period == 0 && word == word.left(period).repeated(word.size() / period)) {
            word = word.left(period);
            break;
        }
    }
    return word.toUtf8();
}

} // namespace

bool PasswordQuality::check(const SecureBytes& password, const QString& userName, QString* reason,
                            const QString& dictionaryPath)
{
    if (characterCount(password) < MinLength) {
        *reason = tr("password: must have at least %1 characters").arg(MinLength);
        return false;
    }
    const Settings settings = projectSettings(dictionaryPath);
    if (!settings) {
        *reason = tr("password: the password quality check cannot start");
        return false;
    }
    // libpwquality takes a C string: a wiped copy with its terminating zero.
    SecureBytes terminated(password.size() + 1);
    std::copy(password.data(), password.data() + password.size(), terminated.data());
    const QByteArray user = userName.toUtf8();
    // What comes back beside a dictionary refusal is cracklib's own static message.
    void* detail = nullptr;
    const int score =
        pwquality_check(settings.get(), reinterpret_cast<const char*>(terminated.data()), nullptr,
                        user.isEmpty() ? nullptr : user.constData(), &detail);
    if (score == PWQ_ERROR_CRACKLIB_CHECK && detail &&
        std::strcmp(static_cast<const char*>(detail),
                    dgettext("cracklib", "error loading dictionary")) == 0) {
        // Say so rather than accept a password nobody checked.
        *reason = tr("password: the dictionary of common passwords (cracklib-runtime) is "
                     "missing; ask your administrator");
        return false;
    }
    if (score < 0) {
        *reason = tr("password: %1").arg(ruleBroken(score));
        return false;
    }
    // cracklib judges the whole string: "password1234" and "passwordpassword" pass it.
    // What guessers try first is one word with digits, symbols or repeats around it.
    const QByteArray word = soleWord(password);
    if (word.size() >= MinWordLength) {
        pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH, MinWordLength);
        void* wordDetail = nullptr;
        if (pwquality_check(settings.get(), word.constData(), nullptr, nullptr, &wordDetail) ==
            PWQ_ERROR_CRACKLIB_CHECK) {
            *reason = tr("password: one dictionary word with digits, symbols or repeats added is "
                         "easy to guess; use several words");
            return false;
        }
    }
    return true;
}
