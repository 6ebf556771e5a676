/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * zc-bench-launch: times a graphical program the same way whatever the program is.
 *
 *   zc-bench-launch [--ready WORD] [--until WORD] [--timeout S] -- COMMAND [ARG…]
 *
 * Watches the X display ($DISPLAY, Xvfb in bench/run) for the first top-level window that
 * is mapped and for the first drawing into it (XDamage), starts COMMAND, and prints one JSON
 * object: milliseconds from the start to the window mapped (map_ms) and first drawn
 * (draw_ms), and the peak resident memory of COMMAND in KiB (rss_kb, from wait4).
 *
 * --ready WORD  also waits for a line "WORD [MICROSECONDS]" on COMMAND's standard output
 *               (MICROSECONDS: CLOCK_MONOTONIC when the program had drawn what it waited
 *               for) and reports it as ready_ms;
 * --until WORD  then waits for a line "WORD …" before ending COMMAND (for rss_kb after
 *               a page opened); every "NAME VALUE" line is reported as "NAME": VALUE.
 *
 * COMMAND is ended with SIGTERM once everything awaited has come (SIGKILL 5 s later).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
usage (void)
{
  fprintf (stderr, "Usage: zc-bench-launch [--ready WORD] [--until WORD] [--timeout S] -- "
                   "COMMAND [ARG…]\n");
  exit (2);
}

int
main (int    argc,
      char **argv)
{
  const char *ready_word = NULL, *until_word = NULL;
  double timeout_s = 60, start, deadline, t_map = -1, t_draw = -1, t_ready = -1;
  int damage_event, damage_error, out_pipe[2] = { -1, -1 }, status = 0, argi = 1;
  int got_until = 0, timed_out = 0;
  char line_buf[4096], extra[2048] = "";
  size_t line_len = 0;
  struct rusage ru;
  Display *dpy;
  Window root;
  pid_t pid;

  for (; argi < argc; argi++)
    {
      if (strcmp (argv[argi], "--") == 0)
        {
          argi++;
          break;
        }
      if (argi + 1 >= argc)
        usage ();
      if (strcmp (argv[argi], "--ready") == 0)
        ready_word = argv[++argi];
      else if (strcmp (argv[argi], "--until") == 0)
        until_word = argv[++argi];
      else if (strcmp (argv[argi], "--timeout") == 0)
        timeout_s = atof (argv[++argi]);
      else
        usage ();
    }
  if (argi >= argc)
    usage ();

  if ((dpy = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "zc-bench-launch: cannot open the display\n");
      return 1;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "zc-bench-launch: the display has no DAMAGE extension\n");
      return 1;
    }
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  if ((ready_word || until_word) && pipe (out_pipe) != 0)
    return 1;

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    return 1;
  if (pid == 0)
    {
      if (out_pipe[1] >= 0)
        {
          dup2 (out_pipe[1], STDOUT_FILENO);
          close (out_pipe[0]);
          close (out_pipe[1]);
        }
      close (ConnectionNumber (dpy));
      execvp (argv[argi], argv + argi);
      fprintf (stderr, "zc-bench-launch: cannot run %s: %s\n", argv[argi], strerror (errno));
      _exit (127);
    }
  if (out_pipe[1] >= 0)
    close (out_pipe[1]);

  deadline = start + timeout_s * 1000;
  for (;;)
    {
      struct pollfd fds[2] = { { ConnectionNumber (dpy), POLLIN, 0 }, { out_pipe[0], POLLIN, 0 } };
      int waiting = t_draw < 0 || (ready_word && t_ready < 0) || (until_word && !got_until);
      double left = deadline - now_ms ();

      if (!waiting)
        break;
      if (left <= 0)
        {
          timed_out = 1;
          break;
        }
      while (XPending (dpy))
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (ev.type == MapNotify && t_map < 0 && !ev.xmap.override_redirect)
            {
              XWindowAttributes attr;

              if (XGetWindowAttributes (dpy, ev.xmap.window, &attr) && attr.class == InputOutput
                  && attr.width > 1 && attr.height > 1)
                {
                  t_map = now_ms () - start;
                  XDamageCreate (dpy, ev.xmap.window, XDamageReportNonEmpty);
                  XFlush (dpy);
                }
            }
          else if (ev.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *de = (XDamageNotifyEvent *) &ev;

              if (t_draw < 0)
                t_draw = now_ms () - start;
              XDamageSubtract (dpy, de->damage, None, None);
            }
        }
      if (poll (fds, out_pipe[0] >= 0 ? 2 : 1, left < 50 ? (int) left + 1 : 50) < 0 && errno != EINTR)
        break;
      if (out_pipe[0] >= 0 && (fds[1].revents & (POLLIN | POLLHUP)))
        {
          ssize_t n = read (out_pipe[0], line_buf + line_len, sizeof line_buf - 1 - line_len);
          char *nl;

          if (n <= 0)
            {
              close (out_pipe[0]);
              out_pipe[0] = -1;
              if (!(t_draw < 0))
                break;
              continue;
            }
          line_len += n;
          line_buf[line_len] = '\0';
          while ((nl = strchr (line_buf, '\n')) != NULL)
            {
              char word[64], value[256];
              int fields;

              *nl = '\0';
              fields = sscanf (line_buf, "%63s %255s", word, value);
              if (fields >= 1 && ready_word && strcmp (word, ready_word) == 0 && t_ready < 0)
                {
                  /* The program's own clock: the moment it had drawn, not when we read it. */
                  if (fields == 2)
                    t_ready = atof (value) / 1000.0 - start;
                  else
                    t_ready = now_ms () - start;
                }
              else if (fields >= 1 && until_word && strcmp (word, until_word) == 0)
                got_until = 1;
              if (fields == 2 && strlen (extra) + strlen (word) + strlen (value) + 8 < sizeof extra)
                {
                  char *end;

                  strtod (value, &end);
                  snprintf (extra + strlen (extra), sizeof extra - strlen (extra),
                            *end == '\0' ? ", \"%s\": %s" : ", \"%s\": \"%s\"", word, value);
                }
              memmove (line_buf, nl + 1, line_len - (nl + 1 - line_buf) + 1);
              line_len = strlen (line_buf);
            }
        }
    }

  kill (pid, SIGTERM);
  for (int i = 0; i < 500; i++)
    {
      if (wait4 (pid, &status, WNOHANG, &ru) == pid)
        goto reaped;
      usleep (10000);
    }
  kill (pid, SIGKILL);
  wait4 (pid, &status, 0, &ru);
reaped:
  printf ("{\"map_ms\": %.1f, \"draw_ms\": %.1f, \"ready_ms\": %.1f, \"rss_kb\": %ld, "
          "\"timed_out\": %s%s}\n",
          t_map, t_draw, t_ready, ru.ru_maxrss, timed_out ? "true" : "false", extra);
  XCloseDisplay (dpy);
  return timed_out ? 3 : 0;
}
