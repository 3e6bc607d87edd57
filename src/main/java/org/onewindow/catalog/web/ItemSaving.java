package org.onewindow.catalog.web;

import java.util.Locale;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving a standard from either editor (field by field, or as JSON): the draft is made or
 * revised, published when asked, and the catalog page says which.
 */
@Component
class ItemSaving {

    private final CatalogService catalog;
    private final MessageSource messages;

    ItemSaving(CatalogService catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    String saveOrPublish(String code, ItemStandard standard, boolean hasDraft, boolean publish, StaffMember actor,
                         RedirectAttributes redirect, Locale locale) {
        if (hasDraft) {
            catalog.reviseDraft(code, standard, actor);
        } else {
            catalog.draftItem(code, standard, actor);
        }
        if (publish) {
            ServiceItem published = catalog.publishItem(code, actor);
            redirect.addFlashAttribute("message", messages.getMessage("admin.published", new Object[] {code, published.version()}, locale));
        } else {
            redirect.addFlashAttribute("message", messages.getMessage("admin.saved", new Object[] {code}, locale));
        }
        return "redirect:/admin/catalog";
    }
}
