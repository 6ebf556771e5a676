/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "zc-bar-chart.h"
#include "zc-line-chart.h"

#define HEIGHT        220
#define AXIS_GAP      8
#define POINT_RADIUS  3.5
#define HIT_RADIUS    14

typedef struct
{
  char   *axis_label;
  char   *long_label;
  double *values;
} Point;

struct _ZcLineChart
{
  GtkWidget   parent_instance;

  GPtrArray  *names;
  GPtrArray  *colors;
  GArray     *points;   /* Point */
  guint       focus_point;
};

enum {
  SIGNAL_ACTIVATE_POINT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcLineChart, zc_line_chart, GTK_TYPE_WIDGET)

/* ---- helpers ------------------------------------------------------------------------------ */

static void
point_clear (gpointer data)
{
  Point *p = data;

  g_free (p->axis_label);
  g_free (p->long_label);
  g_free (p->values);
}

typedef struct
{
  double left, right, top, bottom;   /* the plot area */
} Plot;

static void
plot_area (ZcLineChart *self,
           Plot        *plot)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "100%");
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  plot->left = w + AXIS_GAP;
  /* Room for half a date under the last point. */
  plot->right = gtk_widget_get_width (GTK_WIDGET (self)) - w / 2.0 - 4;
  plot->top = h / 2.0 + 2;
  plot->bottom = gtk_widget_get_height (GTK_WIDGET (self)) - h - AXIS_GAP * 1.5;
}

static double
point_x (ZcLineChart *self,
         const Plot  *plot,
         guint        i)
{
  if (self->points->len <= 1)
    return (plot->left + plot->right) / 2;
  return plot->left + (plot->right - plot->left) * i / (self->points->len - 1);
}

static double
value_y (const Plot *plot,
         double      value)
{
  return plot->bottom - (plot->bottom - plot->top) * CLAMP (value, 0, 100) / 100.0;
}

static gboolean
hit (ZcLineChart *self,
     double       x,
     guint       *index)
{
  Plot plot;
  double best = HIT_RADIUS;
  gboolean found = FALSE;

  plot_area (self, &plot);
  for (guint i = 0; i < self->points->len; i++)
    {
      double d = ABS (point_x (self, &plot, i) - x);

      if (d <= best)
        {
          best = d;
          *index = i;
          found = TRUE;
        }
    }
  return found;
}

static char *
point_text (ZcLineChart *self,
            guint        i)
{
  Point *p = &g_array_index (self->points, Point, i);
  g_autoptr(GString) text = g_string_new (p->long_label);

  for (guint s = 0; s < self->names->len; s++)
    {
      g_string_append (text, s == 0 ? _(": ") : _(", "));
      /* Translators: a line of a chart and its value in per cent, e.g. "Closed out 35%" */
      g_string_append_printf (text, _("%s %.0f%%"), (const char *) g_ptr_array_index (self->names, s),
                              p->values[s]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_description (ZcLineChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      g_autofree char *point = point_text (self, i);

      if (i > 0)
        g_string_append (text, _("; "));
      g_string_append (text, point);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      ZcLineChart     *self)
{
  guint index;

  if (!hit (self, x, &index))
    return;
  self->focus_point = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_ACTIVATE_POINT], 0, index);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ZcLineChart           *self)
{
  guint n = self->points->len;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (self->focus_point > 0)
        self->focus_point--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (self->focus_point + 1 < n)
        self->focus_point++;
      break;
    case GDK_KEY_Home:
      self->focus_point = 0;
      break;
    case GDK_KEY_End:
      self->focus_point = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[SIGNAL_ACTIVATE_POINT], 0, self->focus_point);
      return TRUE;
    default:
      return FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
on_query_tooltip_cb (GtkWidget   *widget,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip,
                     ZcLineChart *self)
{
  g_autofree char *text = NULL;
  guint index = self->focus_point;

  if (self->points->len == 0 || (!keyboard && !hit (self, x, &index)))
    return FALSE;
  text = point_text (self, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_focus_changed_cb (ZcLineChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_line_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    *minimum = *natural = HEIGHT;
}

static void
zc_line_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ZcLineChart *self = ZC_LINE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, grid, focus;
  double last_label_end = -G_MAXDOUBLE;
  guint n = self->points->len;
  Plot plot;

  if (width <= 0 || height <= 0)
    return;
  plot_area (self, &plot);
  zc_chart_lookup_color (widget, "window_fg_color", &fg);
  zc_chart_lookup_color (widget, "window_fg_color/0.12", &grid);
  zc_chart_lookup_color (widget, "accent_color", &focus);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The scale: 0, 25, 50, 75 and 100 %. */
  for (int v = 0; v <= 100; v += 25)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", v);
      double y = value_y (&plot, v);
      int tw, th;

      set_source (cr, &grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, plot.left, (int) y + 0.5);
      cairo_line_to (cr, plot.right, (int) y + 0.5);
      cairo_stroke (cr);

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      set_source (cr, &fg);
      cairo_move_to (cr, plot.left - AXIS_GAP - tw, y - th / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* The time axis: as many labels as fit without touching. */
  for (guint i = 0; i < n; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);
      double x = point_x (self, &plot, i);
      int tw, th;

      pango_layout_set_text (layout, p->axis_label, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      /* The latest week always has its date; others where they fit. */
      if (i + 1 < n && (x - tw / 2.0 < last_label_end + 8 ||
                        x + tw / 2.0 > point_x (self, &plot, n - 1) - tw - 8))
        continue;
      if (i + 1 == n && x - tw / 2.0 < last_label_end + 8)
        continue;
      set_source (cr, &fg);
      cairo_move_to (cr, CLAMP (x - tw / 2.0, 0, width - tw), plot.bottom + AXIS_GAP);
      pango_cairo_show_layout (cr, layout);
      last_label_end = x + tw / 2.0;
    }

  /* The lines, with a dot on each week. */
  for (guint s = 0; s < self->names->len; s++)
    {
      GdkRGBA color;

      zc_chart_lookup_color (widget, g_ptr_array_index (self->colors, s), &color);
      set_source (cr, &color);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n; i++)
        {
          double x = point_x (self, &plot, i);
          double y = value_y (&plot, g_array_index (self->points, Point, i).values[s]);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < n; i++)
        {
          cairo_arc (cr, point_x (self, &plot, i),
                     value_y (&plot, g_array_index (self->points, Point, i).values[s]),
                     POINT_RADIUS, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The keyboard's week. */
  if (n > 0 && gtk_widget_has_visible_focus (widget))
    {
      double x = point_x (self, &plot, self->focus_point);

      set_source (cr, &focus);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, x - 8, plot.top - 4, 16, plot.bottom - plot.top + 8);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
zc_line_chart_finalize (GObject *object)
{
  ZcLineChart *self = ZC_LINE_CHART (object);

  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->colors);
  g_array_unref (self->points);

  G_OBJECT_CLASS (zc_line_chart_parent_class)->finalize (object);
}

static void
zc_line_chart_class_init (ZcLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = zc_line_chart_finalize;
  widget_class->measure = zc_line_chart_measure;
  widget_class->snapshot = zc_line_chart_snapshot;

  /**
   * ZcLineChart::activate-point:
   * @index: the point's index
   *
   * A point was clicked, or chosen with the keyboard: open the records behind it.
   */
  signals[SIGNAL_ACTIVATE_POINT] =
    g_signal_new ("activate-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "zc-line-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zc_line_chart_init (ZcLineChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->names = g_ptr_array_new_with_free_func (g_free);
  self->colors = g_ptr_array_new_with_free_func (g_free);
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
}

/* ---- public ------------------------------------------------------------------------------------- */

GtkWidget *
zc_line_chart_new (void)
{
  return g_object_new (ZC_TYPE_LINE_CHART, NULL);
}

void
zc_line_chart_set_series (ZcLineChart        *self,
                          guint               n_series,
                          const char * const *names,
                          const char * const *colors)
{
  g_return_if_fail (ZC_IS_LINE_CHART (self));

  zc_line_chart_clear (self);
  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->colors, 0);
  for (guint s = 0; s < n_series; s++)
    {
      g_ptr_array_add (self->names, g_strdup (names[s]));
      g_ptr_array_add (self->colors, g_strdup (colors[s]));
    }
}

void
zc_line_chart_clear (ZcLineChart *self)
{
  g_return_if_fail (ZC_IS_LINE_CHART (self));

  g_array_set_size (self->points, 0);
  self->focus_point = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
zc_line_chart_add_point (ZcLineChart  *self,
                         const char   *axis_label,
                         const char   *long_label,
                         const double *values)
{
  Point p = { g_strdup (axis_label), g_strdup (long_label),
              g_new0 (double, MAX (1, self->names->len)) };

  g_return_if_fail (ZC_IS_LINE_CHART (self));

  for (guint s = 0; s < self->names->len; s++)
    p.values[s] = values[s];
  g_array_append_val (self->points, p);
  /* The latest week is where the keyboard starts. */
  self->focus_point = self->points->len - 1;
}

guint
zc_line_chart_get_n_points (ZcLineChart *self)
{
  g_return_val_if_fail (ZC_IS_LINE_CHART (self), 0);

  return self->points->len;
}

void
zc_line_chart_done (ZcLineChart *self)
{
  g_return_if_fail (ZC_IS_LINE_CHART (self));

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
