/*
** path.h -- file names as strings: the folder a path names, a path with
** something appended.  Any length (malloc'd results; NULL on no memory).
*/
#ifndef NEOSIM_PATH_H
#define NEOSIM_PATH_H

/* The folder of path: "." when path names none ("x.db"), "/" for "/x",
** else everything before the last '/'. */
char *path_folder(const char *path);

/* a followed by b ("f.db" + "-wal"). */
char *path_cat(const char *a, const char *b);

#endif
