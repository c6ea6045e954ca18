#include "ApplicationIcon.h"

using namespace Qt::StringLiterals;

// The resources live in a static library, so they are registered by hand. Q_INIT_RESOURCE
// must be used outside any namespace, hence this function at file scope.
static void registerSidepResources()
{
    Q_INIT_RESOURCE(sidep_portal);
}

namespace ApplicationIcon {

QIcon icon()
{
    static const bool registered = (registerSidepResources(), true);
    Q_UNUSED(registered);
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/sidep/icons/%1x%1/sidep-portal.png"_s.arg(size), QSize(size, size));
    return icon;
}

} // namespace ApplicationIcon
