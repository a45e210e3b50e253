// Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev (GitHub's CommonMark).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
