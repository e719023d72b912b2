/**
 * Fields and lists the structured sections share: live text, fields of a Y.Map (text, select, date), a list of
 * text items, and the household loaded from the server (gezin and netwerk).
 */
export { LiveText, useYTextValue, type LiveTextProps } from './LiveText';
export { MapDateField, MapSelectField, MapStringField } from './MapFields';
export { TextItemList, type TextItemListProps } from './TextItemList';
export { useHousehold } from './useHousehold';
