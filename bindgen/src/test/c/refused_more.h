/* Included by refused.h: bound only when the config says alsoBind. */
#ifndef REFUSED_MORE_H
#define REFUSED_MORE_H
#define R_MORE 7
int more_function(int x);
#endif
