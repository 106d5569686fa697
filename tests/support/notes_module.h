#pragma once

#include "services/services.h"

namespace fd::testing {

// An area for testing the core on its own: note.add, note.edit, note.sign (needs an
// "author" and a "witness" signature), note.publish (needs a supervisor's approval) and
// the check "test.no_forbidden_word" (refuses text containing 禁止).
Module notesModule();

// The built-in policy plus the notes' rules and permissions, written into `directory`.
QString writeNotesPolicy(const QString& directory);

} // namespace fd::testing
