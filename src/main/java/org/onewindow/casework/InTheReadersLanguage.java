package org.onewindow.casework;

import org.onewindow.catalog.LocalizedText;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes a text kept in both languages as the one the reader asked for (Accept-Language; Chinese by default). */
final class InTheReadersLanguage extends ValueSerializer<LocalizedText> {

    @Override
    public void serialize(LocalizedText text, JsonGenerator generator, SerializationContext context) {
        generator.writeString(text.in(LocaleContextHolder.getLocale()));
    }
}
