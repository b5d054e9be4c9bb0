// How large a package may be before it is likely to be refused on upload. LMSes take what their
// site settings and web servers allow: Moodle, for one, takes the smaller of its own maximum and
// PHP's upload_max_filesize (PHP's own default is 2 MB; sites raise it, often to somewhere between
// tens and a few hundred MB). 100 MB is where scormdown starts warning.
export const UPLOAD_WARNING_BYTES = 100 * 1024 * 1024;
