#pragma once

namespace fd {

class Services;

// The audited actions of what leaves the program on paper or in a file:
//   export.table  [query*, format* csv|xlsx|pdf, rows*]   entity "query", id the list's name
//   print.form    [form*, record*, pages*]                 entity "form", id the form's name
// They record who exported or printed what, never the data. Their permission is the list's
// (or the form's): whoever may see it may record its export (fd_output runs them after the
// file is written, for the desktop program and frontdeskctl alike).
void registerOutputActions(Services& services);

} // namespace fd
