#include "PostgresUrl.h"

#include <QMap>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// libpq parameters a URL may carry after '?', as in libpq's own URIs. Anything else is
// refused rather than ignored: a dropped sslmode would silently connect without TLS.
const QStringList Parameters = {
    u"service"_s,
    u"passfile"_s,
    u"sslmode"_s,
    u"sslrootcert"_s,
    u"sslcert"_s,
    u"sslkey"_s,
    u"sslcrl"_s,
    u"connect_timeout"_s,
    u"application_name"_s,
    u"target_session_attrs"_s,
    u"keepalives"_s,
    u"keepalives_idle"_s,
    u"keepalives_interval"_s,
    u"keepalives_count"_s,
};

// Qt's driver joins the options into libpq's "key=value key=value" string: a value with a
// space, a quote, a backslash or ';' cannot pass through it intact.
bool isSafeValue(const QString& value)
{
    static const QRegularExpression unsafe(u"[\\s'\"\\\\;]"_s);
    return !value.isEmpty() && !value.contains(unsafe);
}

// "db1:5432,db2" -> hosts "db1,db2" and ports "5432,5432" (libpq pairs them by position; a
// host without a port takes the default). QUrl cannot parse a list of hosts itself.
bool splitHosts(const QString& hostList, QString* hosts, QStringList* ports, QString* error)
{
    QStringList names;
    static const QRegularExpression hostPort(
        u"^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?$"_s);
    for (const QString& each : hostList.split(u',')) {
        const QRegularExpressionMatch match = hostPort.match(each);
        if (!match.hasMatch()) {
            *error = PostgresUrl::tr("PostgreSQL URL: %1 is not a host or host:port").arg(each);
            return false;
        }
        QString name = match.captured(1);
        if (name.startsWith(u'['))
            name = name.mid(1, name.size() - 2);
        names.append(name);
        const QString port = match.captured(2);
        if (!port.isEmpty() && (port.toInt() < 1 || port.toInt() > 65535)) {
            *error = PostgresUrl::tr("PostgreSQL URL: port %1 is not from 1 to 65535").arg(port);
            return false;
        }
        ports->append(port.isEmpty() ? u"5432"_s : port);
    }
    *hosts = names.join(u',');
    return true;
}

} // namespace

bool PostgresUrl::isPostgresUrl(const QString& text)
{
    return text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           text.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

bool PostgresUrl::parse(const QString& url, PostgresUrl* parsed, QString* error)
{
    static const QRegularExpression shape(
        u"^postgres(?:ql)?://(?:([^@/?#]*)@)?([^/?#]*)(?:/([^?#]*))?(?:\\?([^#]*))?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = shape.match(url);
    if (!match.hasMatch()) {
        *error = tr("a PostgreSQL URL is postgresql://user@host:port/database");
        return false;
    }
    const QString userInfo = QUrl::fromPercentEncoding(match.captured(1).toUtf8());
    const QUrlQuery query(match.captured(4));
    if (userInfo.contains(u':') || query.hasQueryItem(u"password"_s)) {
        *error = tr("the PostgreSQL password must not be in the URL, where every user of the "
                    "machine can read it: put it in ~/.pgpass or the file named by PGPASSFILE "
                    "(mode 0600, a line host:port:database:user:password), in a service file "
                    "(?service=NAME, PGSERVICEFILE), or in PGPASSWORD");
        return false;
    }
    const bool service = query.hasQueryItem(u"service"_s);
    const QString database = QUrl::fromPercentEncoding(match.captured(3).toUtf8());
    if ((match.captured(2).isEmpty() && !service) || database.isEmpty() ||
        database.contains(u'/')) {
        *error = tr("a PostgreSQL URL is postgresql://user@host:port/database");
        return false;
    }
    if (!userInfo.isEmpty() && !isSafeValue(userInfo)) {
        *error =
            tr("PostgreSQL URL: the user name must not hold spaces, quotes, backslashes or ';'");
        return false;
    }

    PostgresUrl result;
    result.database = database;
    result.userName = userInfo;
    QStringList ports;
    if (!match.captured(2).isEmpty() &&
        !splitHosts(match.captured(2), &result.hosts, &ports, error))
        return false;

    QMap<QString, QString> options{{u"connect_timeout"_s, u"10"_s}};
    QStringList given;
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!Parameters.contains(key)) {
            *error = tr("PostgreSQL URL parameter %1: not supported (use %2)")
                         .arg(key, Parameters.join(u", "_s));
            return false;
        }
        if (!isSafeValue(value)) {
            *error = tr("PostgreSQL URL parameter %1: the value must not be empty nor hold "
                        "spaces, quotes, backslashes or ';'")
                         .arg(key);
            return false;
        }
        options.insert(key, value);
        given.append(key + u'=' + value);
    }
    // One port goes through QSqlDatabase::setPort; a list only as libpq's own parameter.
    if (ports.size() == 1 && match.captured(2).contains(u':'))
        result.port = ports.first().toInt();
    else if (ports.size() > 1)
        options.insert(u"port"_s, ports.join(u','));
    else if (!service && ports.size() == 1)
        result.port = 5432;

    QStringList pairs;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        pairs.append(it.key() + u'=' + it.value());
    result.connectOptions = pairs.join(u';');

    QStringList shownHosts;
    const QStringList hostNames = result.hosts.split(u',', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < hostNames.size(); ++i)
        shownHosts.append(hostNames.at(i) + u':' + ports.value(i));
    result.description = u"postgresql://"_s + shownHosts.join(u',') + u'/' + database +
                         (given.isEmpty() ? QString() : u"?"_s + given.join(u'&'));
    *parsed = result;
    return true;
}
