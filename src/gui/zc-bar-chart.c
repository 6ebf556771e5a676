/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-bar-chart.h"

#define ROW_HEIGHT    28
#define BAR_THICKNESS 16
#define LABEL_GAP     12
#define MIN_BAR_SPACE 48

/* A bar, and the texts drawn beside it laid out once: a chart of the city's units has sixty
 * bars, and laying out their names at every frame took longer than the rest of the frame. */
typedef struct
{
  char        *label;
  guint       *values;
  guint        total;
  PangoLayout *label_layout;   /* NULL until drawn */
  int          label_width;    /* the label's width not cut short */
  int          cut_at;         /* the width it is ellipsized to, or -1 */
  PangoLayout *total_layout;
} Bar;

struct _ZcBarChart
{
  GtkWidget   parent_instance;

  GPtrArray  *names;    /* char* */
  GPtrArray  *colors;   /* char* */
  GArray     *bars;     /* Bar */
  guint       max_total;
  int         total_width;   /* of the largest total's text; -1 until laid out */

  /* The segment the keyboard is on: a bar, and a series or -1 for the whole bar. */
  guint       focus_bar;
  int         focus_series;
};

enum {
  SIGNAL_ACTIVATE_SEGMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcBarChart, zc_bar_chart, GTK_TYPE_WIDGET)

/* ---- helpers ------------------------------------------------------------------------------ */

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->values);
  g_clear_object (&bar->label_layout);
  g_clear_object (&bar->total_layout);
}

/* The texts are laid out again: the font, its size or the direction changed. */
static void
forget_layouts (ZcBarChart *self)
{
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      g_clear_object (&bar->label_layout);
      g_clear_object (&bar->total_layout);
    }
  self->total_width = -1;
}

static void
lay_out (ZcBarChart *self,
         Bar        *bar)
{
  if (bar->label_layout == NULL)
    {
      bar->label_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), bar->label);
      pango_layout_get_pixel_size (bar->label_layout, &bar->label_width, NULL);
      bar->cut_at = -1;
    }
  if (bar->total_layout == NULL)
    {
      g_autofree char *total = g_strdup_printf ("%u", bar->total);

      bar->total_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), total);
    }
}

/* The label of @bar laid out to @width at most, ellipsized when it is wider. */
static PangoLayout *
label_layout (ZcBarChart *self,
              Bar        *bar,
              int         width)
{
  int cut = bar->label_width > width ? width : -1;

  lay_out (self, bar);
  if (bar->cut_at != cut)
    {
      pango_layout_set_width (bar->label_layout, cut < 0 ? -1 : cut * PANGO_SCALE);
      pango_layout_set_ellipsize (bar->label_layout,
                                  cut < 0 ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
      bar->cut_at = cut;
    }
  return bar->label_layout;
}

void
zc_chart_lookup_color (GtkWidget  *widget,
                       const char *spec,
                       GdkRGBA    *rgba)
{
  g_auto(GStrv) parts = g_strsplit (spec ? spec : "accent_bg_color", "/", 2);
  GtkStyleContext *style;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (style, parts[0], rgba) && !gdk_rgba_parse (rgba, parts[0]))
    gtk_style_context_get_color (style, rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (parts[1] != NULL)
    rgba->alpha *= g_ascii_strtod (parts[1], NULL);
}

static void
foreground (GtkWidget *widget,
            GdkRGBA   *rgba)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static int
label_width (ZcBarChart *self,
             int         width)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      lay_out (self, bar);
      widest = MAX (widest, bar->label_width);
    }
  return MIN (widest, width * 2 / 5);
}

static int
total_width (ZcBarChart *self)
{
  if (self->total_width < 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", self->max_total);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

      pango_layout_get_pixel_size (layout, &self->total_width, NULL);
    }
  return self->total_width;
}

/* The geometry of the bars at the current width. */
static void
bar_area (ZcBarChart *self,
          double     *x0,
          double     *scale)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int labels = label_width (self, width);
  double space;

  *x0 = labels > 0 ? labels + LABEL_GAP : 0;
  space = MAX (MIN_BAR_SPACE, width - *x0 - total_width (self) - 8);
  *scale = space / MAX (1, self->max_total);
}

/* The bar and series under (x, y); FALSE when there is no bar there. */
static gboolean
hit (ZcBarChart *self,
     double      x,
     double      y,
     guint      *bar_out,
     int        *series_out)
{
  double x0, scale, pos;
  guint row;
  Bar *bar;

  if (y < 0 || self->bars->len == 0)
    return FALSE;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x;
  row = (guint) (y / ROW_HEIGHT);
  if (row >= self->bars->len)
    return FALSE;
  bar = &g_array_index (self->bars, Bar, row);
  bar_area (self, &x0, &scale);
  *bar_out = row;
  *series_out = -1;
  pos = x0;
  for (guint s = 0; s < self->names->len; s++)
    {
      double w = bar->values[s] * scale;

      if (x >= pos && x < pos + w)
        {
          *series_out = (int) s;
          break;
        }
      pos += w;
    }
  return TRUE;
}

static char *
segment_text (ZcBarChart *self,
              guint       bar,
              int         series)
{
  Bar *b = &g_array_index (self->bars, Bar, bar);

  if (series < 0)
    /* Translators: a bar of a chart: its label and the total, e.g. "社会救助处: 181" */
    return g_strdup_printf (_("%s: %u"), b->label, b->total);
  /* Translators: a segment of a bar: the bar's label, the series and its number,
   * e.g. "社会救助处, Submitted: 16" */
  return g_strdup_printf (_("%s, %s: %u"), b->label,
                          (const char *) g_ptr_array_index (self->names, series),
                          b->values[series]);
}

static void
update_description (ZcBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *b = &g_array_index (self->bars, Bar, i);

      if (i > 0)
        /* Translators: separates the bars of a chart read aloud */
        g_string_append (text, _("; "));
      g_string_append_printf (text, "%s", b->label);
      for (guint s = 0; s < self->names->len; s++)
        {
          g_string_append (text, s == 0 ? _(": ") : _(", "));
          /* Translators: a series of a chart and its number, e.g. "Submitted 16" */
          g_string_append_printf (text, _("%s %u"), (const char *) g_ptr_array_index (self->names, s),
                                  b->values[s]);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
move_focus (ZcBarChart *self,
            int         d_bar,
            int         d_series)
{
  int n_series = (int) self->names->len;

  if (self->bars->len == 0)
    return;
  if (d_bar != 0)
    self->focus_bar = CLAMP ((int) self->focus_bar + d_bar, 0, (int) self->bars->len - 1);
  if (d_series != 0)
    {
      Bar *b = &g_array_index (self->bars, Bar, self->focus_bar);
      int s = self->focus_series;

      /* Skip empty segments; -1 (the whole bar) comes before the first series. */
      do
        s += d_series;
      while (s >= 0 && s < n_series && b->values[s] == 0);
      if (s >= -1 && s < n_series)
        self->focus_series = s;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- signal callbacks ------------------------------------------------------------------------ */

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      ZcBarChart      *self)
{
  guint bar;
  int series;

  if (!hit (self, x, y, &bar, &series))
    return;
  self->focus_bar = bar;
  self->focus_series = series;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_ACTIVATE_SEGMENT], 0, bar, series);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ZcBarChart            *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (self->focus_bar == 0)
        return FALSE;
      move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (self->focus_bar + 1 >= self->bars->len)
        return FALSE;
      move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, 0, rtl ? 1 : -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, 0, rtl ? -1 : 1);
      return TRUE;
    case GDK_KEY_Home:
      move_focus (self, -(int) self->bars->len, 0);
      return TRUE;
    case GDK_KEY_End:
      move_focus (self, (int) self->bars->len, 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->bars->len > 0)
        g_signal_emit (self, signals[SIGNAL_ACTIVATE_SEGMENT], 0, self->focus_bar,
                       self->focus_series);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     ZcBarChart *self)
{
  g_autofree char *text = NULL;
  guint bar;
  int series;

  if (keyboard)
    {
      if (self->bars->len == 0)
        return FALSE;
      bar = self->focus_bar;
      series = self->focus_series;
    }
  else if (!hit (self, x, y, &bar, &series))
    return FALSE;
  text = segment_text (self, bar, series);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_focus_changed_cb (ZcBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- vfuncs ------------------------------------------------------------------------------------ */

static void
zc_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ZcBarChart *self = ZC_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    *minimum = *natural = MAX (1, (int) self->bars->len) * ROW_HEIGHT;
}

static void
zc_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ZcBarChart *self = ZC_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int labels = label_width (self, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean show_focus = gtk_widget_has_visible_focus (widget);
  g_autofree GdkRGBA *colors = g_new0 (GdkRGBA, MAX (1, self->names->len));
  GdkRGBA fg, track, focus;
  double x0, scale;

  foreground (widget, &fg);
  zc_chart_lookup_color (widget, "window_fg_color/0.06", &track);
  zc_chart_lookup_color (widget, "accent_color", &focus);
  for (guint s = 0; s < self->names->len; s++)
    zc_chart_lookup_color (widget, g_ptr_array_index (self->colors, s), &colors[s]);
  bar_area (self, &x0, &scale);

  if (rtl)
    {
      /* Mirror the drawing; the texts are drawn unmirrored below. */
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *b = &g_array_index (self->bars, Bar, i);
      double y = i * ROW_HEIGHT;
      double bar_y = y + (ROW_HEIGHT - BAR_THICKNESS) / 2.0;
      double length = b->total * scale;
      double pos = x0;
      PangoLayout *label = label_layout (self, b, labels);
      PangoLayout *number = b->total_layout;
      GskRoundedRect clip;
      int lw, lh, nw, nh;

      /* The label, ellipsized to its column. */
      pango_layout_get_pixel_size (label, &lw, &lh);
      gtk_snapshot_save (snapshot);
      if (rtl)
        {
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (lw, y + (ROW_HEIGHT - lh) / 2.0));
          gtk_snapshot_scale (snapshot, -1, 1);
        }
      else
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + (ROW_HEIGHT - lh) / 2.0));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      /* The track, then the segments inside a rounded bar. */
      gsk_rounded_rect_init_from_rect (&clip,
                                       &GRAPHENE_RECT_INIT (x0, bar_y,
                                                            MAX (length, 2), BAR_THICKNESS), 3);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &track,
                                 &GRAPHENE_RECT_INIT (x0, bar_y, MAX (length, 2), BAR_THICKNESS));
      for (guint s = 0; s < self->names->len; s++)
        {
          double w = b->values[s] * scale;

          if (w <= 0)
            continue;
          gtk_snapshot_append_color (snapshot, &colors[s],
                                     &GRAPHENE_RECT_INIT (pos, bar_y, w, BAR_THICKNESS));
          pos += w;
        }
      gtk_snapshot_pop (snapshot);

      /* The keyboard's place: a ring around the segment or the whole row. */
      if (show_focus && i == self->focus_bar)
        {
          graphene_rect_t ring;
          GskRoundedRect outline;
          const float widths[4] = { 2, 2, 2, 2 };
          const GdkRGBA ring_colors[4] = { focus, focus, focus, focus };

          if (self->focus_series < 0)
            ring = GRAPHENE_RECT_INIT (0, y + 1, width - 1, ROW_HEIGHT - 2);
          else
            {
              double start = x0;

              for (int s = 0; s < self->focus_series; s++)
                start += b->values[s] * scale;
              ring = GRAPHENE_RECT_INIT (start - 3, bar_y - 3,
                                         b->values[self->focus_series] * scale + 6,
                                         BAR_THICKNESS + 6);
            }
          gsk_rounded_rect_init_from_rect (&outline, &ring, 5);
          gtk_snapshot_append_border (snapshot, &outline, widths, ring_colors);
        }

      /* The total just after the bar. */
      pango_layout_get_pixel_size (number, &nw, &nh);
      gtk_snapshot_save (snapshot);
      if (rtl)
        {
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0 + MAX (length, 2) + 6 + nw,
                                                                 y + (ROW_HEIGHT - nh) / 2.0));
          gtk_snapshot_scale (snapshot, -1, 1);
        }
      else
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0 + MAX (length, 2) + 6,
                                                               y + (ROW_HEIGHT - nh) / 2.0));
      gtk_snapshot_append_layout (snapshot, number, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
zc_bar_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (zc_bar_chart_parent_class)->css_changed (widget, change);
  forget_layouts (ZC_BAR_CHART (widget));
}

static void
zc_bar_chart_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (zc_bar_chart_parent_class)->direction_changed (widget, previous);
  forget_layouts (ZC_BAR_CHART (widget));
}

static void
zc_bar_chart_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (zc_bar_chart_parent_class)->system_setting_changed (widget, setting);
  forget_layouts (ZC_BAR_CHART (widget));
  gtk_widget_queue_draw (widget);
}

static void
zc_bar_chart_finalize (GObject *object)
{
  ZcBarChart *self = ZC_BAR_CHART (object);

  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->colors);
  g_array_unref (self->bars);

  G_OBJECT_CLASS (zc_bar_chart_parent_class)->finalize (object);
}

static void
zc_bar_chart_class_init (ZcBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = zc_bar_chart_finalize;
  widget_class->measure = zc_bar_chart_measure;
  widget_class->snapshot = zc_bar_chart_snapshot;
  widget_class->css_changed = zc_bar_chart_css_changed;
  widget_class->direction_changed = zc_bar_chart_direction_changed;
  widget_class->system_setting_changed = zc_bar_chart_system_setting_changed;

  /**
   * ZcBarChart::activate-segment:
   * @bar: the bar's index
   * @series: the series, or -1 for the whole bar
   *
   * A segment was clicked, or chosen with the keyboard: open the records behind it.
   */
  signals[SIGNAL_ACTIVATE_SEGMENT] =
    g_signal_new ("activate-segment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "zc-bar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zc_bar_chart_init (ZcBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->names = g_ptr_array_new_with_free_func (g_free);
  self->colors = g_ptr_array_new_with_free_func (g_free);
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->focus_series = -1;
  self->total_width = -1;

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
zc_bar_chart_new (void)
{
  return g_object_new (ZC_TYPE_BAR_CHART, NULL);
}

void
zc_bar_chart_set_series (ZcBarChart         *self,
                         guint               n_series,
                         const char * const *names,
                         const char * const *colors)
{
  g_return_if_fail (ZC_IS_BAR_CHART (self));
  g_return_if_fail (n_series > 0);

  zc_bar_chart_clear (self);
  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->colors, 0);
  for (guint s = 0; s < n_series; s++)
    {
      g_ptr_array_add (self->names, g_strdup (names[s]));
      g_ptr_array_add (self->colors, g_strdup (colors[s]));
    }
}

guint
zc_bar_chart_get_n_series (ZcBarChart *self)
{
  g_return_val_if_fail (ZC_IS_BAR_CHART (self), 0);

  return self->names->len;
}

const char *
zc_bar_chart_get_series_color (ZcBarChart *self,
                               guint       series)
{
  g_return_val_if_fail (ZC_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (series < self->colors->len, NULL);

  return g_ptr_array_index (self->colors, series);
}

void
zc_bar_chart_clear (ZcBarChart *self)
{
  g_return_if_fail (ZC_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  self->max_total = 0;
  self->total_width = -1;
  self->focus_bar = 0;
  self->focus_series = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
zc_bar_chart_add_bar (ZcBarChart  *self,
                      const char  *label,
                      const guint *values)
{
  Bar bar = { g_strdup (label), g_new0 (guint, MAX (1, self->names->len)), 0, NULL, 0, -1, NULL };

  g_return_if_fail (ZC_IS_BAR_CHART (self));

  for (guint s = 0; s < self->names->len; s++)
    {
      bar.values[s] = values[s];
      bar.total += values[s];
    }
  self->max_total = MAX (self->max_total, bar.total);
  self->total_width = -1;
  g_array_append_val (self->bars, bar);
}

guint
zc_bar_chart_get_n_bars (ZcBarChart *self)
{
  g_return_val_if_fail (ZC_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

guint
zc_bar_chart_get_value (ZcBarChart *self,
                        guint       bar,
                        guint       series)
{
  g_return_val_if_fail (ZC_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (bar < self->bars->len && series < self->names->len, 0);

  return g_array_index (self->bars, Bar, bar).values[series];
}

const char *
zc_bar_chart_get_label (ZcBarChart *self,
                        guint       bar)
{
  g_return_val_if_fail (ZC_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (bar < self->bars->len, NULL);

  return g_array_index (self->bars, Bar, bar).label;
}

const char *
zc_bar_chart_get_series_name (ZcBarChart *self,
                              guint       series)
{
  g_return_val_if_fail (ZC_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (series < self->names->len, NULL);

  return g_ptr_array_index (self->names, series);
}

void
zc_bar_chart_done (ZcBarChart *self)
{
  g_return_if_fail (ZC_IS_BAR_CHART (self));

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
