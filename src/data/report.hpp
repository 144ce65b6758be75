// Moved to core/report.hpp; kept so existing includes keep working.
#pragma once
#include "core/report.hpp"
