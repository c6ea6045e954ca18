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
    // libpwquality counts bytes; the character count is checked before it is asked.
    pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH, PasswordQuality::MinLength);
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
    if (score < MinScore) {
        *reason = tr("password: too easy to guess; use a longer phrase of several words");
        return false;
    }
    return true;
}
