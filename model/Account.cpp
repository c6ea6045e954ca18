#include "Account.h"

using namespace Qt::StringLiterals;

QString roleName(Role role)
{
    switch (role) {
    case Role::Nurse:
        return u"nurse"_s;
    case Role::Lab:
        return u"lab"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Role> roleFromName(const QString& name)
{
    for (Role role : {Role::Nurse, Role::Lab, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

bool roleAllows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::CreateRecord:
        return role == Role::Nurse;
    case Permission::ViewIdentity:
    case Permission::ExportRecord:
        return role == Role::Nurse || role == Role::Lab;
    case Permission::EnterResult:
        return role == Role::Lab;
    case Permission::ManageAccounts:
    case Permission::ManageSettings:
        return role == Role::Admin;
    case Permission::VerifyStore:
        return true;
    }
    return false;
}
