#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

struct Command;

// The words of a command line after the command's own words, split into options
// (--name value, --flag) and positional words. Options may appear anywhere; "--" ends them.
// Only the options the command lists are taken, so that a typo, or another command's
// option, is an error rather than silently ignored.
class CommandArguments
{
public:
    CommandArguments(const QStringList& words, const Command& command);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    bool flag(const QString& name) const { return m_flags.contains(name); }
    bool has(const QString& name) const { return m_values.contains(name); }
    QString value(const QString& name) const { return m_values.value(name); }
    const QStringList& positional() const { return m_positional; }
    QString positional(int index) const { return m_positional.value(index); }

private:
    QSet<QString> m_flags;
    QHash<QString, QString> m_values;
    QStringList m_positional;
    QString m_error;
};
