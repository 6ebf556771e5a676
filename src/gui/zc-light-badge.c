/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-gui"

#include "zc-light-badge.h"

static const char *light_classes[] = {
  [ZC_LIGHT_NONE] = "zc-light-none",
  [ZC_LIGHT_GREEN] = "zc-light-green",
  [ZC_LIGHT_YELLOW] = "zc-light-yellow",
  [ZC_LIGHT_RED] = "zc-light-red",
};

void
zc_light_badge_set (GtkWidget *badge,
                    ZcLight    light)
{
  g_return_if_fail (GTK_IS_LABEL (badge));
  g_return_if_fail (light <= ZC_LIGHT_RED);

  /* Only the classes that change: one taken away and given back restyles the badge. */
  for (guint i = 0; i < G_N_ELEMENTS (light_classes); i++)
    if (i != light)
      gtk_widget_remove_css_class (badge, light_classes[i]);
  gtk_widget_add_css_class (badge, light_classes[light]);
  gtk_label_set_label (GTK_LABEL (badge), zc_enum_label (ZC_TYPE_LIGHT, light));
}

GtkWidget *
zc_light_badge_new (ZcLight light)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "zc-light");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  zc_light_badge_set (badge, light);
  return badge;
}
