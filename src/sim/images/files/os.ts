/**
 * The base files of the common userlands (a path ending in `/` is an empty directory): the
 * top-level directories and what identifies the system (/etc/os-release, /etc/passwd). Only
 * files whose contents are known exactly are listed.
 */

const DEBIAN_DIRS = ['/bin/', '/boot/', '/dev/', '/etc/', '/home/', '/lib/', '/media/', '/mnt/', '/opt/', '/proc/', '/root/', '/run/', '/sbin/', '/srv/', '/sys/', '/tmp/', '/usr/bin/', '/usr/local/bin/', '/usr/share/', '/var/log/', '/var/tmp/'];

function dirs(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((d) => [d, '']));
}

export const DEBIAN_FILES: Record<string, string> = {
  ...dirs(DEBIAN_DIRS),
  '/etc/os-release': `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
  '/etc/debian_version': '12.8\n',
};

export const UBUNTU_FILES: Record<string, string> = {
  ...dirs(DEBIAN_DIRS),
  '/etc/os-release': `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`,
};

export const ALPINE_FILES: Record<string, string> = {
  ...dirs(['/bin/', '/dev/', '/etc/', '/home/', '/lib/', '/media/', '/mnt/', '/opt/', '/proc/', '/root/', '/run/', '/sbin/', '/srv/', '/sys/', '/tmp/', '/usr/', '/var/']),
  '/etc/os-release': `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.0
PRETTY_NAME="Alpine Linux v3.21"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`,
  '/etc/alpine-release': '3.21.0\n',
};

/** busybox: no os-release; its /etc/passwd names the applets' shell. */
export const BUSYBOX_FILES: Record<string, string> = {
  ...dirs(['/bin/', '/dev/', '/etc/', '/home/', '/lib/', '/proc/', '/root/', '/sys/', '/tmp/', '/usr/sbin/', '/var/spool/mail/', '/var/www/']),
  '/etc/passwd': `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`,
};
