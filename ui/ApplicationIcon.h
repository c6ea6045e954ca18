#pragma once

#include <QIcon>

// The application's icon (resources/icons/sidep-portal.svg, rendered at the usual sizes
// into the program's resources): the window icon of every window, and the About box's.
namespace ApplicationIcon {

QIcon icon();

} // namespace ApplicationIcon
