//
// Serial port of the wire protocol (nanoff, Visual Studio): USART1 on PA9/PA10, routed to the on-board ST-LINK's
// virtual COM port.
//

#ifndef SERIALCFG_H
#define SERIALCFG_H

#define SERIAL_DRIVER SD1

#endif // SERIALCFG_H
