/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include <glib/gi18n.h>

#include "zc-text-area.h"

struct _ZcTextArea
{
  AdwBin          parent_instance;

  /* template children */
  GtkLabel       *title_label;
  GtkTextView    *text_view;
  GtkTextBuffer  *buffer;
  GtkLabel       *placeholder_label;
  GtkRevealer    *hint_revealer;
  GtkLabel       *hint_label;

  char           *text;
  gboolean        loading;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEXT,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ZcTextArea, zc_text_area, ADW_TYPE_BIN)

static void
update_placeholder (ZcTextArea *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (self->buffer) == 0 &&
                          gtk_text_view_get_editable (self->text_view));
}

static void
on_buffer_changed_cb (ZcTextArea *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  g_free (self->text);
  self->text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
zc_text_area_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ZcTextArea *self = ZC_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, zc_text_area_get_title (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, zc_text_area_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_text_area_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ZcTextArea *self = ZC_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      zc_text_area_set_title (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      zc_text_area_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_text_area_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ZC_TYPE_TEXT_AREA);

  G_OBJECT_CLASS (zc_text_area_parent_class)->dispose (object);
}

static void
zc_text_area_finalize (GObject *object)
{
  ZcTextArea *self = ZC_TEXT_AREA (object);

  g_free (self->text);

  G_OBJECT_CLASS (zc_text_area_parent_class)->finalize (object);
}

static void
zc_text_area_class_init (ZcTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zc_text_area_get_property;
  object_class->set_property = zc_text_area_set_property;
  object_class->dispose = zc_text_area_dispose;
  object_class->finalize = zc_text_area_finalize;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZcTextArea::changed:
   *
   * The person changed the text (not emitted by zc_text_area_set_text).
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/zicha/Zicha/ui/zc-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcTextArea, title_label);
  gtk_widget_class_bind_template_child (widget_class, ZcTextArea, text_view);
  gtk_widget_class_bind_template_child (widget_class, ZcTextArea, buffer);
  gtk_widget_class_bind_template_child (widget_class, ZcTextArea, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, ZcTextArea, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZcTextArea, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed_cb);
}

static void
zc_text_area_init (ZcTextArea *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->text = g_strdup ("");
  update_placeholder (self);
}

GtkWidget *
zc_text_area_new (const char *title,
                  const char *placeholder)
{
  ZcTextArea *self = g_object_new (ZC_TYPE_TEXT_AREA, "title", title, NULL);

  zc_text_area_set_placeholder (self, placeholder);
  return GTK_WIDGET (self);
}

const char *
zc_text_area_get_title (ZcTextArea *self)
{
  g_return_val_if_fail (ZC_IS_TEXT_AREA (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
zc_text_area_set_title (ZcTextArea *self,
                        const char *title)
{
  g_return_if_fail (ZC_IS_TEXT_AREA (self));

  if (g_strcmp0 (title, gtk_label_get_text (self->title_label)) == 0)
    return;
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
zc_text_area_set_placeholder (ZcTextArea *self,
                              const char *placeholder)
{
  g_return_if_fail (ZC_IS_TEXT_AREA (self));

  gtk_label_set_text (self->placeholder_label, placeholder ? placeholder : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  placeholder ? placeholder : "",
                                  -1);
}

const char *
zc_text_area_get_text (ZcTextArea *self)
{
  g_return_val_if_fail (ZC_IS_TEXT_AREA (self), NULL);

  return self->text;
}

void
zc_text_area_set_text (ZcTextArea *self,
                       const char *text)
{
  g_return_if_fail (ZC_IS_TEXT_AREA (self));

  if (g_strcmp0 (text ? text : "", self->text) == 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (self->buffer, text ? text : "", -1);
  self->loading = FALSE;
}

void
zc_text_area_set_editable (ZcTextArea *self,
                           gboolean    editable)
{
  g_return_if_fail (ZC_IS_TEXT_AREA (self));

  gtk_text_view_set_editable (self->text_view, editable);
  gtk_text_view_set_cursor_visible (self->text_view, editable);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "zc-read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "zc-read-only");
  update_placeholder (self);
}

void
zc_text_area_set_hint (ZcTextArea *self,
                       const char *hint)
{
  g_return_if_fail (ZC_IS_TEXT_AREA (self));

  if (hint != NULL && *hint != '\0')
    gtk_label_set_text (self->hint_label, hint);
  gtk_revealer_set_reveal_child (self->hint_revealer, hint != NULL && *hint != '\0');
}

GtkWidget *
zc_text_area_get_text_view (ZcTextArea *self)
{
  g_return_val_if_fail (ZC_IS_TEXT_AREA (self), NULL);

  return GTK_WIDGET (self->text_view);
}
