//
// nanoFramework overlay driver settings for nanoBooter: none beyond the defaults (the internal flash driver has no
// settings). Present because the overlay includes an mcuconf_nf.h from the image folder.
//

#ifndef MCUCONF_NF_H
#define MCUCONF_NF_H

#endif // MCUCONF_NF_H
